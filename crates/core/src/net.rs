//! Which address a request came from when reverse proxies stand between the
//! client and the server. Per-IP limits count by this address: behind a
//! proxy the TCP peer is the proxy, so every customer would share one bucket
//! (and one customer could use up everyone's), while a forwarding header
//! sent by the client itself is whatever the client likes.

use std::net::IpAddr;
use std::str::FromStr;

use serde::Deserialize;

/// An IP network: an address and a prefix length (`10.0.0.0/8`,
/// `2001:db8::/32`); a bare address is a network of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct IpNet {
    addr: IpAddr,
    prefix: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?}: expected an IP address or a network such as 10.0.0.0/8 or 2001:db8::/32")]
pub struct InvalidNet(String);

impl FromStr for IpNet {
    type Err = InvalidNet;

    fn from_str(s: &str) -> Result<IpNet, InvalidNet> {
        let invalid = || InvalidNet(s.to_owned());
        let (addr, prefix) = match s.trim().split_once('/') {
            Some((addr, prefix)) => (addr, Some(prefix)),
            None => (s.trim(), None),
        };
        let addr = addr
            .parse::<IpAddr>()
            .map_err(|_| invalid())?
            .to_canonical();
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(invalid)?,
        };
        Ok(IpNet { addr, prefix })
    }
}

impl TryFrom<String> for IpNet {
    type Error = InvalidNet;
    fn try_from(s: String) -> Result<IpNet, InvalidNet> {
        s.parse()
    }
}

impl IpNet {
    pub fn contains(&self, ip: IpAddr) -> bool {
        fn masked(bits: u128, width: u32, prefix: u8) -> u128 {
            let keep = u32::from(prefix);
            if keep == 0 {
                0
            } else {
                bits >> (width - keep)
            }
        }
        match (self.addr, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                masked(u32::from(net).into(), 32, self.prefix)
                    == masked(u32::from(ip).into(), 32, self.prefix)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                masked(u128::from(net), 128, self.prefix)
                    == masked(u128::from(ip), 128, self.prefix)
            }
            _ => false,
        }
    }
}

/// The header the trusted proxies add the client's address to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ForwardingHeader {
    /// `X-Forwarded-For: client, proxy1, …` (nginx, HAProxy, most load balancers).
    #[default]
    XForwardedFor,
    /// RFC 7239 `Forwarded: for=client, for=proxy1`.
    Forwarded,
}

impl ForwardingHeader {
    /// The header's name, lower case.
    pub fn name(self) -> &'static str {
        match self {
            ForwardingHeader::XForwardedFor => "x-forwarded-for",
            ForwardingHeader::Forwarded => "forwarded",
        }
    }

    /// The addresses the header lists, oldest hop first, as written.
    fn hops(self, values: &[String]) -> Vec<&str> {
        let elements = values.iter().flat_map(|v| v.split(',')).map(str::trim);
        match self {
            ForwardingHeader::XForwardedFor => elements.collect(),
            // An element without `for=` names no address: it stops the walk
            // like any other address that cannot be read.
            ForwardingHeader::Forwarded => elements
                .map(|element| {
                    element
                        .split(';')
                        .filter_map(|pair| pair.trim().split_once('='))
                        .find(|(key, _)| key.trim().eq_ignore_ascii_case("for"))
                        .map_or("", |(_, value)| value.trim())
                })
                .collect(),
        }
    }
}

/// One hop's address: `192.0.2.1`, `"192.0.2.1:4711"`, `"[2001:db8::1]:80"`
/// or `2001:db8::1`; `None` for `unknown`, obfuscated names and garbage.
fn hop_address(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim().trim_matches('"');
    let host = match hop.strip_prefix('[') {
        Some(rest) => rest.split(']').next()?,
        None => match hop.split_once(':') {
            // One colon: an IPv4 address and a port; more: IPv6.
            Some((v4, port)) if !port.contains(':') => v4,
            _ => hop,
        },
    };
    host.parse::<IpAddr>().ok().map(|ip| ip.to_canonical())
}

/// The client's address. The TCP `peer` unless it is one of the `trusted`
/// proxies; then the forwarding header is read from the right (the hop the
/// proxy itself added) to the left, and the first address that is not a
/// trusted proxy is the client. Whatever stands further left was written by
/// the client and is not believed. When the chain holds an address that
/// cannot be read, the last proxy that could be believed stands for the
/// client; when every hop is a trusted proxy, the left-most one does.
/// `values` are the header's lines in the order they arrived.
pub fn client_ip(
    peer: IpAddr,
    header: ForwardingHeader,
    values: &[String],
    trusted: &[IpNet],
) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|net| net.contains(ip));
    let mut client = peer.to_canonical();
    if !is_trusted(client) {
        return client;
    }
    for hop in header.hops(values).into_iter().rev() {
        match hop_address(hop) {
            Some(ip) if is_trusted(ip) => client = ip,
            Some(ip) => return ip,
            None => return client,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn xff(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn networks_parse_and_contain() {
        let net: IpNet = "10.1.0.0/16".parse().unwrap();
        assert!(net.contains(ip("10.1.200.3")));
        assert!(!net.contains(ip("10.2.0.1")));
        assert!(net.contains(ip("::ffff:10.1.0.9")), "IPv4-mapped IPv6");
        let one: IpNet = "192.0.2.7".parse().unwrap();
        assert!(one.contains(ip("192.0.2.7")) && !one.contains(ip("192.0.2.8")));
        let v6: IpNet = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains(ip("2001:db8:ffff::1")) && !v6.contains(ip("2001:db9::1")));
        assert!(!v6.contains(ip("10.1.0.1")));
        let all: IpNet = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains(ip("203.0.113.9")));
        for bad in [
            "10.0.0.0/33",
            "2001:db8::/129",
            "proxy.local",
            "10.0.0.0/",
            "",
        ] {
            assert!(bad.parse::<IpNet>().is_err(), "{bad}");
        }
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_forwards() {
        let trusted = nets(&["10.0.0.0/8"]);
        let peer = ip("203.0.113.5");
        let spoofed = xff(&["198.51.100.1"]);
        assert_eq!(
            client_ip(peer, ForwardingHeader::XForwardedFor, &spoofed, &trusted),
            peer
        );
        assert_eq!(
            client_ip(peer, ForwardingHeader::XForwardedFor, &spoofed, &[]),
            peer,
            "no trusted proxies: the header is never read"
        );
    }

    #[test]
    fn behind_trusted_proxies_the_right_most_untrusted_hop_is_the_client() {
        let trusted = nets(&["10.0.0.0/8", "192.0.2.1"]);
        let peer = ip("10.0.0.2");
        let h = ForwardingHeader::XForwardedFor;
        // The client wrote "1.1.1.1" itself; the edge proxy appended the
        // real peer; the inner proxy appended the edge proxy.
        let chain = xff(&["1.1.1.1, 198.51.100.7", "192.0.2.1"]);
        assert_eq!(client_ip(peer, h, &chain, &trusted), ip("198.51.100.7"));
        assert_eq!(
            client_ip(peer, h, &xff(&["2001:db8::5"]), &trusted),
            ip("2001:db8::5")
        );
        assert_eq!(
            client_ip(peer, h, &[], &trusted),
            peer,
            "no header: the proxy itself"
        );
        assert_eq!(
            client_ip(peer, h, &xff(&["garbage, 10.0.0.9"]), &trusted),
            ip("10.0.0.9"),
            "an unreadable hop: the last proxy that could be believed"
        );
        assert_eq!(
            client_ip(peer, h, &xff(&["10.0.0.7, 10.0.0.9"]), &trusted),
            ip("10.0.0.7"),
            "all trusted: the left-most"
        );
    }

    #[test]
    fn forwarded_is_read_per_rfc_7239() {
        let trusted = nets(&["10.0.0.0/8"]);
        let peer = ip("10.0.0.2");
        let h = ForwardingHeader::Forwarded;
        let values = xff(&[
            "for=1.1.1.1, for=\"198.51.100.7:4711\";proto=https",
            "For=\"[2001:db8::1]:80\";by=10.0.0.2, for=10.0.0.3",
        ]);
        assert_eq!(client_ip(peer, h, &values, &trusted), ip("2001:db8::1"));
        assert_eq!(
            client_ip(peer, h, &xff(&["for=unknown"]), &trusted),
            peer,
            "an obfuscated client: the proxy"
        );
        assert_eq!(
            client_ip(peer, h, &xff(&["proto=https"]), &trusted),
            peer,
            "no for= in the element"
        );
        assert_eq!(
            client_ip(
                peer,
                ForwardingHeader::XForwardedFor,
                &xff(&["198.51.100.9:5555"]),
                &trusted
            ),
            ip("198.51.100.9")
        );
    }
}
