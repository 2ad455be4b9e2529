//! CPU time and memory of a process, read from Linux's `/proc`.

use std::time::Duration;

/// `self` or a PID, as named under `/proc`.
#[derive(Debug, Clone, Copy)]
pub enum Process {
    Myself,
    Pid(u32),
}

impl Process {
    fn path(self, file: &str) -> String {
        match self {
            Process::Myself => format!("/proc/self/{file}"),
            Process::Pid(pid) => format!("/proc/{pid}/{file}"),
        }
    }

    /// User plus system CPU time of all the process's threads so far.
    pub fn cpu_time(self, ticks_per_second: u64) -> std::io::Result<Duration> {
        let stat = std::fs::read_to_string(self.path("stat"))?;
        let ticks = parse_cpu_ticks(&stat).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "unexpected /proc/PID/stat format",
            )
        })?;
        Ok(Duration::from_micros(
            ticks * 1_000_000 / ticks_per_second.max(1),
        ))
    }

    /// Resident memory now and at its peak.
    pub fn memory(self) -> std::io::Result<Memory> {
        let status = std::fs::read_to_string(self.path("status"))?;
        Ok(parse_memory(&status))
    }
}

/// Resident set sizes in KiB, from `/proc/PID/status`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Memory {
    /// `VmRSS`: resident now.
    pub rss_kib: u64,
    /// `VmHWM`: the most that was ever resident.
    pub peak_kib: u64,
}

/// `utime + stime` in clock ticks. The command name (field 2) may contain
/// spaces and parentheses, so fields are counted after its closing `)`.
fn parse_cpu_ticks(stat: &str) -> Option<u64> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace();
    // After ")", field 3 (state) is index 0, so utime (14) is index 11.
    let utime: u64 = fields.nth(11)?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(utime + stime)
}

fn parse_memory(status: &str) -> Memory {
    let kib = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    Memory {
        rss_kib: kib("VmRSS:"),
        peak_kib: kib("VmHWM:"),
    }
}

/// The kernel's `USER_HZ`, from `getconf CLK_TCK` (100 on every common
/// Linux when `getconf` is missing).
pub fn ticks_per_second() -> u64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_ticks_skip_a_command_name_with_spaces() {
        let stat = "42 (my (odd) name) S 1 42 42 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 9 0 1 2 3";
        assert_eq!(parse_cpu_ticks(stat), Some(325));
    }

    #[test]
    fn memory_reads_rss_and_peak() {
        let status = "Name:\tcountersign\nVmHWM:\t   51234 kB\nVmRSS:\t   40960 kB\n";
        assert_eq!(
            parse_memory(status),
            Memory {
                rss_kib: 40960,
                peak_kib: 51234
            }
        );
    }

    #[test]
    fn own_process_is_readable() {
        assert!(Process::Myself.memory().unwrap().rss_kib > 0);
        Process::Myself.cpu_time(ticks_per_second()).unwrap();
    }
}
