#!/usr/bin/env python3
"""Starts a program with inherited sockets as swtpm_setup starts swtpm (reference 4.5):
--server type=tcp,fd=<socketpair end> --ctrl type=unixio,clientfd=<socketpair end>, waits for
the pid file, drives both channels, and prints what it saw as JSON.

usage: fd-handoff.py PIDFILE PROGRAM [ARGS...]
In ARGS, {DATAFD} and {CTRLFD} become the inherited descriptors' numbers."""
import json
import os
import socket
import subprocess
import sys
import time


def read_exactly(sock, n, timeout=20):
    sock.settimeout(timeout)
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return buf


def main():
    pidfile = sys.argv[1]
    data_mine, data_theirs = socket.socketpair()
    ctrl_mine, ctrl_theirs = socket.socketpair()
    args = [a.replace("{DATAFD}", str(data_theirs.fileno())).replace("{CTRLFD}", str(ctrl_theirs.fileno()))
            for a in sys.argv[2:]]
    proc = subprocess.Popen(args, pass_fds=(data_theirs.fileno(), ctrl_theirs.fileno()))
    data_theirs.close()
    ctrl_theirs.close()
    out = {"pid": proc.pid}
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if os.path.exists(pidfile) and os.path.getsize(pidfile) > 0:
            break
        time.sleep(0.02)
    with open(pidfile) as f:
        out["pidfile"] = f.read()
    ctrl_mine.sendall(bytes.fromhex("00000001"))
    out["capability"] = read_exactly(ctrl_mine, 8).hex()
    data_mine.sendall(bytes.fromhex("80010000000c0000017b0008"))
    out["getrandom"] = read_exactly(data_mine, 20).hex()
    ctrl_mine.sendall(bytes.fromhex("00000003"))
    out["shutdown"] = read_exactly(ctrl_mine, 4).hex()
    out["exit"] = proc.wait(timeout=30)
    out["pidfile_after_exit"] = os.path.exists(pidfile)
    print(json.dumps(out))


main()
