#!/usr/bin/env python3
#
# Writes the seed corpus of fuzz-lwip_input (corpus/): well-formed frames
# for each protocol lwIP parses, so that the fuzzer starts deep in each
# parser. Records as main.c reads them: [netif+time][length, 2 bytes LE][frame].
# Run again after changing it: tests/fuzz/lwip_input/seeds.py
#
import os
import struct

HOST_MAC = bytes([2, 0, 0, 0, 0, 0x10])
MAC = [bytes([2, 0, 0, 0, 0, 1]), bytes([2, 0, 0, 0, 0, 2])]
BCAST = b'\xff' * 6
HOST_IP = bytes([10, 0, 2, 1])
IP = bytes([10, 0, 2, 55])


def csum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return struct.pack('!H', ~s & 0xffff)


def eth(dst, ethertype, payload):
    return dst + HOST_MAC + struct.pack('!H', ethertype) + payload


def ipv4(proto, payload, src=HOST_IP, dst=IP, frag=0, ident=1):
    head = struct.pack('!BBHHHBB', 0x45, 0, 20 + len(payload), ident, frag, 64, proto) + b'\0\0' + src + dst
    return head[:10] + csum(head) + head[12:] + payload


def l4_sum(proto, seg, src=HOST_IP, dst=IP):
    return csum(src + dst + struct.pack('!BBH', 0, proto, len(seg)) + seg)


def tcp(sport, dport, seq, ack, flags, data=b''):
    seg = struct.pack('!HHIIBBHHH', sport, dport, seq, ack, 5 << 4, flags, 8192, 0, 0) + data
    return seg[:16] + l4_sum(6, seg) + seg[18:]


def udp(sport, dport, data, src=HOST_IP, dst=IP):
    seg = struct.pack('!HHHH', sport, dport, 8 + len(data), 0) + data
    return seg[:6] + l4_sum(17, seg, src, dst) + seg[8:]


def record(frame, netif=0, advance=0):
    return bytes([netif | advance << 1]) + struct.pack('<H', len(frame)) + frame


def dhcp_reply(msg_type, xid):
    bootp = struct.pack('!BBBBIHH', 2, 1, 6, 0, xid, 0, 0) + b'\0' * 4 + bytes([10, 0, 2, 120]) + \
        HOST_IP + b'\0' * 4 + MAC[1] + b'\0' * 10 + b'\0' * 192 + b'\x63\x82\x53\x63'
    opts = bytes([53, 1, msg_type, 54, 4]) + HOST_IP + bytes([51, 4, 0, 0, 0x0e, 0x10, 1, 4, 255, 255, 255, 0,
                                                                3, 4]) + HOST_IP + bytes([255])
    return eth(BCAST, 0x0800, ipv4(17, udp(67, 68, bootp + opts, HOST_IP, b'\xff' * 4), HOST_IP, b'\xff' * 4))


seeds = {
    'arp_request': record(eth(BCAST, 0x0806, struct.pack('!HHBBH', 1, 0x0800, 6, 4, 1) + HOST_MAC + HOST_IP +
                                 b'\0' * 6 + IP)),
    'icmp_echo': record(eth(MAC[0], 0x0800, ipv4(1, b'\x08\0' + csum(b'\x08\0\0\0\0\x01\0\x01abcd') +
                                                 b'\0\x01\0\x01abcd'))),
    'udp_echo': record(eth(MAC[0], 0x0800, ipv4(17, udp(4000, 7, b'hello')))),
    'tcp_syn_data_fin': record(eth(MAC[0], 0x0800, ipv4(6, tcp(4001, 80, 1000, 0, 0x02)))) +
    record(eth(MAC[0], 0x0800, ipv4(6, tcp(4001, 80, 1001, 6511, 0x18, b'GET / HTTP/1.0\r\n\r\n')))) +
    record(eth(MAC[0], 0x0800, ipv4(6, tcp(4001, 80, 1019, 6511, 0x11))), advance=5),
    'ip_fragments': record(eth(MAC[0], 0x0800, ipv4(17, udp(4002, 7, b'x' * 32)[:24], frag=0x2000, ident=7))) +
    record(eth(MAC[0], 0x0800, ipv4(17, udp(4002, 7, b'x' * 32)[24:], frag=3, ident=7))),
    'dhcp_offer_ack': record(dhcp_reply(2, 0x12345678), netif=1, advance=10) +
    record(dhcp_reply(5, 0x12345678), netif=1),
}

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')
os.makedirs(out, exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)
