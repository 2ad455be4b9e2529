//! Running one operation many times at a fixed concurrency, and what came of it.

use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use hdrhistogram::Histogram;
use serde_json::{json, Value};

use crate::procfs::Process;

/// How many error messages a phase keeps to show.
const ERROR_SAMPLES: usize = 5;

/// A latency histogram in microseconds, from 1 µs to 10 min, 3 significant digits.
pub fn new_histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 600_000_000, 3).expect("valid histogram bounds")
}

/// Records a duration, clamped into the histogram's range.
pub fn record(h: &mut Histogram<u64>, d: Duration) {
    h.saturating_record(u64::try_from(d.as_micros()).unwrap_or(u64::MAX).max(1));
}

/// Reads CPU time of the server (when its PID is known) and of this process
/// around a phase.
#[derive(Debug, Clone, Copy)]
pub struct CpuMeter {
    pub server: Option<Process>,
    pub ticks_per_second: u64,
}

impl CpuMeter {
    fn read(&self) -> (Option<Duration>, Option<Duration>) {
        let server = self
            .server
            .and_then(|p| p.cpu_time(self.ticks_per_second).ok());
        let own = Process::Myself.cpu_time(self.ticks_per_second).ok();
        (server, own)
    }
}

/// The outcome of one phase. Latencies are of successful operations only.
#[derive(Debug)]
pub struct Report<T> {
    pub name: &'static str,
    pub ok: u64,
    pub errors: u64,
    pub error_samples: Vec<String>,
    pub elapsed: Duration,
    pub latency: Histogram<u64>,
    /// CPU time the server spent during the phase, when its PID was given.
    pub server_cpu: Option<Duration>,
    /// CPU time this load generator spent during the phase.
    pub loadgen_cpu: Option<Duration>,
    /// What each successful operation returned, with its index.
    pub outputs: Vec<(usize, T)>,
}

/// Calls `op(i)` for every `i` in `0..count`, at most `concurrency` at a time,
/// timing each call.
pub async fn run<T, F, Fut>(
    name: &'static str,
    count: usize,
    concurrency: usize,
    meter: CpuMeter,
    op: F,
) -> Report<T>
where
    T: Send + 'static,
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<T, String>> + Send + 'static,
{
    let op = Arc::new(op);
    let next = Arc::new(AtomicUsize::new(0));
    let (server_before, own_before) = meter.read();
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..concurrency.clamp(1, count.max(1)) {
        let (op, next) = (op.clone(), next.clone());
        workers.spawn(async move {
            let mut part = Part {
                latency: new_histogram(),
                outputs: Vec::new(),
                errors: 0,
                samples: Vec::new(),
            };
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= count {
                    break part;
                }
                let t = Instant::now();
                match op(i).await {
                    Ok(out) => {
                        record(&mut part.latency, t.elapsed());
                        part.outputs.push((i, out));
                    }
                    Err(e) => {
                        part.errors += 1;
                        if part.samples.len() < ERROR_SAMPLES {
                            part.samples.push(format!("#{i}: {e}"));
                        }
                    }
                }
            }
        });
    }
    let mut report = Report {
        name,
        ok: 0,
        errors: 0,
        error_samples: Vec::new(),
        elapsed: Duration::ZERO,
        latency: new_histogram(),
        server_cpu: None,
        loadgen_cpu: None,
        outputs: Vec::with_capacity(count),
    };
    while let Some(joined) = workers.join_next().await {
        let part = joined.expect("a load worker panicked");
        report
            .latency
            .add(&part.latency)
            .expect("histograms have the same bounds");
        report.errors += part.errors;
        report.outputs.extend(part.outputs);
        report.error_samples.extend(part.samples);
    }
    report.elapsed = started.elapsed();
    let (server_after, own_after) = meter.read();
    report.server_cpu = server_before
        .zip(server_after)
        .map(|(b, a)| a.saturating_sub(b));
    report.loadgen_cpu = own_before.zip(own_after).map(|(b, a)| a.saturating_sub(b));
    report.ok = report.outputs.len() as u64;
    report.outputs.sort_unstable_by_key(|(i, _)| *i);
    report.error_samples.truncate(ERROR_SAMPLES);
    report
}

/// One worker's share of a phase.
struct Part<T> {
    latency: Histogram<u64>,
    outputs: Vec<(usize, T)>,
    errors: u64,
    samples: Vec<String>,
}

impl<T> Report<T> {
    /// Successful operations per second.
    pub fn per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// Server CPU microseconds per successful operation.
    pub fn server_cpu_per_op_us(&self) -> Option<f64> {
        per_op_us(self.server_cpu, self.ok)
    }

    /// Load generator CPU microseconds per successful operation.
    pub fn loadgen_cpu_per_op_us(&self) -> Option<f64> {
        per_op_us(self.loadgen_cpu, self.ok)
    }

    /// The figures of this phase as JSON.
    pub fn to_json(&self) -> Value {
        json!({
            "phase": self.name,
            "ok": self.ok,
            "errors": self.errors,
            "seconds": self.elapsed.as_secs_f64(),
            "per_second": self.per_second(),
            "latency_ms": latency_json(&self.latency),
            "server_cpu_seconds": self.server_cpu.map(|d| d.as_secs_f64()),
            "server_cpu_us_per_op": self.server_cpu_per_op_us(),
            "loadgen_cpu_us_per_op": self.loadgen_cpu_per_op_us(),
        })
    }
}

fn per_op_us(cpu: Option<Duration>, ops: u64) -> Option<f64> {
    cpu.filter(|_| ops > 0)
        .map(|d| d.as_secs_f64() * 1e6 / ops as f64)
}

/// A latency quantile in milliseconds.
pub fn ms(h: &Histogram<u64>, quantile: f64) -> f64 {
    h.value_at_quantile(quantile) as f64 / 1000.0
}

/// p50, p90, p99, max and mean in milliseconds.
pub fn latency_json(h: &Histogram<u64>) -> Value {
    json!({
        "p50": ms(h, 0.50),
        "p90": ms(h, 0.90),
        "p99": ms(h, 0.99),
        "max": h.max() as f64 / 1000.0,
        "mean": h.mean() / 1000.0,
    })
}
