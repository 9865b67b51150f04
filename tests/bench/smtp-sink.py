#!/usr/bin/env python3
"""A minimal SMTP sink for tests/bench/measure-mail.sh: accepts every message and throws it away, counting
connections and messages. It exists to tell the app's sending cost from maildev's (which parses and stores each
message). Usage: smtp-sink.py PORT COUNTS_FILE  (the counts are written to COUNTS_FILE on every QUIT/close)."""
import asyncio, sys

port, counts_file = int(sys.argv[1]), sys.argv[2]
connections = messages = 0

def save():
    with open(counts_file, "w") as f:
        f.write(f"{connections} {messages}\n")

async def serve(reader, writer):
    global connections, messages
    connections += 1
    writer.write(b"220 sink ESMTP\r\n")
    try:
        while line := await reader.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                writer.write(b"354 go ahead\r\n")
                while (data := await reader.readline()) and data not in (b".\r\n", b".\n"):
                    pass
                messages += 1
                writer.write(b"250 ok\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                break
            elif verb in (b"EHLO", b"HELO"):
                writer.write(b"250 sink\r\n")
            else:
                writer.write(b"250 ok\r\n")
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        save()
        writer.close()

async def main():
    save()
    server = await asyncio.start_server(serve, "127.0.0.1", port)
    async with server:
        await server.serve_forever()

asyncio.run(main())
