//! `countersign-loadgen`: drives a running Countersign server through the SMS
//! login flow (register users, open challenges, send codes, verify them) and
//! reports throughput, latency percentiles, the server's CPU time per request
//! and its memory. It runs its own SMS webhook receiver, so the server must be
//! configured with `[delivery.sms] kind = "webhook"` pointing at it.
#![forbid(unsafe_code)]

mod api;
mod phase;
mod procfs;
mod webhook;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use serde_json::{json, Value};

use crate::api::Api;
use crate::phase::{latency_json, ms, CpuMeter, Report};
use crate::procfs::{Memory, Process};

#[derive(Parser)]
#[command(
    name = "countersign-loadgen",
    version,
    about = "Load generator for the Countersign HTTP API."
)]
struct Cli {
    /// Worker threads of the load generator's own runtime. It shares the
    /// machine with the server, so keep this small.
    #[arg(long, default_value_t = 1, global = true)]
    threads: usize,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The SMS login flow: (A) create users, (B) open a challenge per user and
    /// send its code by SMS, (C) verify every code.
    Flow {
        #[command(flatten)]
        target: Target,
        /// Users, hence challenges and verifies.
        #[arg(long, default_value_t = 20_000)]
        users: usize,
        /// Address of the SMS webhook receiver; the server's
        /// `delivery.sms.url` must be `http://ADDR/sms`.
        #[arg(long, default_value = "127.0.0.1:9099")]
        webhook_listen: SocketAddr,
        /// Instead of verifying the codes (phase C), write each challenge id
        /// and its code to FILE, a line each, for an outside load tool
        /// (crates/loadgen/verify.lua for wrk).
        #[arg(long, value_name = "FILE")]
        codes_out: Option<std::path::PathBuf>,
    },
    /// Leaves challenges pending (created, never sent nor verified) and
    /// reports the server's memory afterwards.
    Pending {
        #[command(flatten)]
        target: Target,
        /// Pending challenges to leave.
        #[arg(long, default_value_t = 100_000)]
        challenges: usize,
        /// Users the challenges are spread over.
        #[arg(long, default_value_t = 1_000)]
        users: usize,
    },
}

/// Which server to load, and how hard.
#[derive(Args)]
struct Target {
    /// Base URL of the server.
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// API key of the service to use (from `countersign service create`).
    #[arg(long, env = "COUNTERSIGN_API_KEY", hide_env_values = true)]
    key: String,
    /// Requests in flight at once (simulated clients).
    #[arg(long, short = 'c', default_value_t = 16)]
    concurrency: usize,
    /// PID of the server, to read its CPU time and memory from /proc.
    #[arg(long)]
    server_pid: Option<u32>,
    /// Prefix of the user ids, so that several runs can share a database.
    #[arg(long, default_value = "lg")]
    user_prefix: String,
    /// Also write the figures as JSON to this file.
    #[arg(long, value_name = "FILE")]
    json: Option<std::path::PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cli.threads.max(1))
        .enable_all()
        .build();
    let result = match runtime {
        Ok(rt) => rt.block_on(async {
            match cli.command {
                Command::Flow {
                    target,
                    users,
                    webhook_listen,
                    codes_out,
                } => flow(target, users, webhook_listen, codes_out).await,
                Command::Pending {
                    target,
                    challenges,
                    users,
                } => pending(target, challenges, users).await,
            }
        }),
        Err(e) => Err(format!("cannot start the async runtime: {e}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The user id of load user `i`.
fn user_id(prefix: &str, i: usize) -> String {
    format!("{prefix}-{i}")
}

/// A distinct valid French mobile number per user: +33 6 2x xx xx xx.
fn phone(i: usize) -> String {
    format!("+3362{:07}", i % 10_000_000)
}

/// Connects, waits for the server, and sets up CPU metering.
async fn connect(target: &Target) -> Result<(Arc<Api>, CpuMeter), String> {
    let api = Api::new(&target.url, &target.key, target.concurrency)?;
    api.wait_healthy(Duration::from_secs(30)).await?;
    let meter = CpuMeter {
        server: target.server_pid.map(Process::Pid),
        ticks_per_second: procfs::ticks_per_second(),
    };
    Ok((Arc::new(api), meter))
}

/// Phase A: registers `count` users with a phone number each.
async fn create_users(
    api: &Arc<Api>,
    target: &Target,
    count: usize,
    meter: CpuMeter,
) -> Report<()> {
    let (api, prefix) = (api.clone(), Arc::new(target.user_prefix.clone()));
    phase::run(
        "A users (PUT /v1/users)",
        count,
        target.concurrency,
        meter,
        move |i| {
            let (api, prefix) = (api.clone(), prefix.clone());
            async move { api.put_user(&user_id(&prefix, i), &phone(i)).await }
        },
    )
    .await
}

/// A challenge whose code went out, as phase B leaves it.
struct Sent {
    challenge_id: String,
    code: String,
    create: Duration,
    send: Duration,
}

async fn flow(
    target: Target,
    users: usize,
    webhook_listen: SocketAddr,
    codes_out: Option<std::path::PathBuf>,
) -> Result<(), String> {
    let codes = webhook::start(webhook_listen)
        .await
        .map_err(|e| format!("webhook receiver on {webhook_listen}: {e}"))?;
    let (api, meter) = connect(&target).await?;
    println!(
        "flow: {users} users at concurrency {} against {} (SMS webhook on http://{webhook_listen}/sms, {} loadgen thread(s))",
        target.concurrency,
        target.url,
        tokio::runtime::Handle::current().metrics().num_workers()
    );
    let memory_before = server_memory(&target);

    let a = create_users(&api, &target, users, meter).await;
    print_phase(&a);

    let b = {
        let (api, codes, prefix) = (
            api.clone(),
            codes.clone(),
            Arc::new(target.user_prefix.clone()),
        );
        phase::run(
            "B challenge + SMS (POST create, POST send)",
            users,
            target.concurrency,
            meter,
            move |i| {
                let (api, codes, prefix) = (api.clone(), codes.clone(), prefix.clone());
                async move {
                    let t = std::time::Instant::now();
                    let challenge_id = api.create_challenge(&user_id(&prefix, i)).await?;
                    let create = t.elapsed();
                    let message_id = api.send_sms(&challenge_id).await?;
                    let send = t.elapsed() - create;
                    // The server answers 202 only after the webhook accepted the
                    // message, so the code is already here.
                    let code = message_id
                        .and_then(|m| codes.for_message(&m))
                        .or_else(|| codes.for_destination(&phone(i)))
                        .ok_or("the SMS webhook did not receive this code")?;
                    Ok(Sent {
                        challenge_id,
                        code,
                        create,
                        send,
                    })
                }
            },
        )
        .await
    };
    print_phase(&b);
    let (mut create, mut send) = (phase::new_histogram(), phase::new_histogram());
    for (_, s) in &b.outputs {
        phase::record(&mut create, s.create);
        phase::record(&mut send, s.send);
    }
    print_latency("  of which create", &create);
    print_latency("  of which send", &send);
    println!("  SMS webhook received {} messages", codes.received());

    let to_verify: Arc<Vec<(String, String)>> = Arc::new(
        b.outputs
            .iter()
            .map(|(_, s)| (s.challenge_id.clone(), s.code.clone()))
            .collect(),
    );
    if let Some(path) = codes_out {
        let lines: String = to_verify
            .iter()
            .map(|(id, code)| format!("{id} {code}\n"))
            .collect();
        std::fs::write(&path, lines).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("  {} codes written to {}", to_verify.len(), path.display());
        return Ok(());
    }
    let c = {
        let (api, to_verify) = (api.clone(), to_verify.clone());
        phase::run(
            "C verify (POST verify)",
            to_verify.len(),
            target.concurrency,
            meter,
            move |i| {
                let (api, to_verify) = (api.clone(), to_verify.clone());
                async move {
                    let (id, code) = &to_verify[i];
                    api.verify_sms(id, code).await
                }
            },
        )
        .await
    };
    print_phase(&c);
    let memory_after = server_memory(&target);
    print_cpu(&c, "verify");
    print_memory(memory_before, memory_after);

    write_json(
        &target,
        json!({
            "mode": "flow",
            "concurrency": target.concurrency,
            "users": users,
            "phases": [a.to_json(), b.to_json(), c.to_json()],
            "create_latency_ms": latency_json(&create),
            "send_latency_ms": latency_json(&send),
            "server_memory_kib": memory_json(memory_before, memory_after),
        }),
    )?;
    check_errors(&[a.errors, b.errors, c.errors])
}

async fn pending(target: Target, challenges: usize, users: usize) -> Result<(), String> {
    let users = users.max(1);
    let (api, meter) = connect(&target).await?;
    println!(
        "pending: {challenges} challenges over {users} users at concurrency {} against {}",
        target.concurrency, target.url
    );
    let memory_before = server_memory(&target);
    let a = create_users(&api, &target, users, meter).await;
    print_phase(&a);
    let memory_users = server_memory(&target);

    let p = {
        let (api, prefix) = (api.clone(), Arc::new(target.user_prefix.clone()));
        phase::run(
            "P pending challenges (POST create)",
            challenges,
            target.concurrency,
            meter,
            move |i| {
                let (api, prefix) = (api.clone(), prefix.clone());
                async move {
                    api.create_challenge(&user_id(&prefix, i % users))
                        .await
                        .map(drop)
                }
            },
        )
        .await
    };
    print_phase(&p);
    print_cpu(&p, "create");
    // Let the server settle (idle connections, deferred frees) before reading.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let memory_after = server_memory(&target);
    if let Some(m) = memory_users {
        println!("server RSS after creating the users: {}", mib(m.rss_kib));
    }
    print_memory(memory_before, memory_after);
    println!("pending challenges left on the server: {}", p.ok);

    write_json(
        &target,
        json!({
            "mode": "pending",
            "concurrency": target.concurrency,
            "users": users,
            "pending_challenges": p.ok,
            "phases": [a.to_json(), p.to_json()],
            "server_memory_after_users_kib": memory_users.map(|m| m.rss_kib),
            "server_memory_kib": memory_json(memory_before, memory_after),
        }),
    )?;
    check_errors(&[a.errors, p.errors])
}

fn server_memory(target: &Target) -> Option<Memory> {
    target
        .server_pid
        .and_then(|pid| Process::Pid(pid).memory().ok())
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

fn print_phase<T>(r: &Report<T>) {
    println!(
        "{}: {} ok, {} errors in {:.2} s = {:.0}/s",
        r.name,
        r.ok,
        r.errors,
        r.elapsed.as_secs_f64(),
        r.per_second()
    );
    print_latency("  latency", &r.latency);
    for e in &r.error_samples {
        println!("  error {e}");
    }
}

fn print_latency(label: &str, h: &hdrhistogram::Histogram<u64>) {
    println!(
        "{label}: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(h, 0.50),
        ms(h, 0.90),
        ms(h, 0.99),
        h.max() as f64 / 1000.0
    );
}

fn print_cpu<T>(r: &Report<T>, op: &str) {
    if let (Some(cpu), Some(per_op)) = (r.server_cpu, r.server_cpu_per_op_us()) {
        println!(
            "server CPU during {}: {:.2} s = {per_op:.0} µs per {op} ({:.2} cores busy on average)",
            r.name.split_whitespace().next().unwrap_or(r.name),
            cpu.as_secs_f64(),
            cpu.as_secs_f64() / r.elapsed.as_secs_f64().max(1e-9)
        );
    }
    if let Some(per_op) = r.loadgen_cpu_per_op_us() {
        println!(
            "load generator CPU: {per_op:.0} µs per {op} (it shares the machine with the server)"
        );
    }
}

fn print_memory(before: Option<Memory>, after: Option<Memory>) {
    if let (Some(b), Some(a)) = (before, after) {
        println!(
            "server memory: RSS {} before, {} after, peak (VmHWM) {}",
            mib(b.rss_kib),
            mib(a.rss_kib),
            mib(a.peak_kib)
        );
    }
}

fn memory_json(before: Option<Memory>, after: Option<Memory>) -> Value {
    json!({
        "rss_before": before.map(|m| m.rss_kib),
        "rss_after": after.map(|m| m.rss_kib),
        "peak": after.map(|m| m.peak_kib),
    })
}

fn write_json(target: &Target, figures: Value) -> Result<(), String> {
    let Some(path) = &target.json else {
        return Ok(());
    };
    let text = serde_json::to_string_pretty(&figures).expect("JSON values serialise");
    std::fs::write(path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))
}

/// Fails the run when any operation failed, so that scripts notice.
fn check_errors(errors: &[u64]) -> Result<(), String> {
    match errors.iter().sum::<u64>() {
        0 => Ok(()),
        n => Err(format!(
            "{n} operations failed (see the error samples above)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_distinct_french_mobiles() {
        assert_eq!(phone(0), "+33620000000");
        assert_eq!(phone(1_234_567), "+33621234567");
        assert_eq!(phone(42).len(), 12);
    }
}
