#!/usr/bin/python3
"""Per-thread CPU of one `guanxi build` into a new database.

    bench/thread_cpu.py BINARY ARCHIVE_DIR DB

Removes DB and its -wal/-shm, runs `BINARY build ARCHIVE_DIR --db DB`, reads
/proc/PID/task/*/stat every 0.05 s while it runs, and prints the wall time,
the writer's CPU (user + system; the writer is the main thread, whose id is
the process's), the extraction threads' CPU, the database's size and the
last lines of the build's summary (its counts). A thread's last 0.05 s can go
unread: figures are good to about a tenth of a second.
"""
import os
import subprocess
import sys
import time


def main():
    binary, archive, db = sys.argv[1:4]
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(db + suffix)
        except FileNotFoundError:
            pass
    tick = os.sysconf("SC_CLK_TCK")
    start = time.monotonic()
    build = subprocess.Popen([binary, "build", archive, "--db", db],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    cpu = {}  # thread id -> CPU seconds last read
    while build.poll() is None:
        try:
            for tid in os.listdir(f"/proc/{build.pid}/task"):
                with open(f"/proc/{build.pid}/task/{tid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                cpu[int(tid)] = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        except (FileNotFoundError, ProcessLookupError, IndexError):
            pass  # a thread (or the process) ended between two reads
        time.sleep(0.05)
    wall = time.monotonic() - start
    out = build.stdout.read().decode()
    workers = sorted((c for t, c in cpu.items() if t != build.pid), reverse=True)
    summary = " | ".join(out.strip().splitlines()[-3:])
    print(f"wall {wall:.2f} s  writer {cpu.get(build.pid, 0.0):.2f} s  "
          f"workers {' '.join(f'{c:.1f}' for c in workers[:4])}  "
          f"db {os.path.getsize(db) / 1e6:.0f} MB  rc {build.returncode}  :: {summary}")
    return build.returncode


if __name__ == "__main__":
    sys.exit(main())
