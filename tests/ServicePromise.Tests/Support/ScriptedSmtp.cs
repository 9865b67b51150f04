using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ServicePromise.Tests.Support;

/// <summary>
/// A tiny SMTP server on loopback that answers what a test scripts: a reply per recipient (a 550 for an unknown mailbox,
/// a 451 for a busy one), and a connection closed with 421 after a number of messages (an idle timeout). It counts the
/// connections and the messages it accepted. maildev accepts everything; this is for the replies it never gives.
/// </summary>
public sealed class ScriptedSmtp : IDisposable
{
    readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    readonly CancellationTokenSource _stop = new();
    readonly List<string> _delivered = [];
    int _connections;

    public ScriptedSmtp()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The reply to RCPT TO for an address; "250 2.1.5 Ok" unless the test says otherwise.</summary>
    public Func<string, string> RecipientReply { get; set; } = _ => "250 2.1.5 Ok";

    /// <summary>After this many messages on one connection, the next command is answered 421 and the connection closed.</summary>
    public int? CloseAfterMessages { get; set; }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The recipients of the messages accepted (after DATA), in order.</summary>
    public IReadOnlyList<string> Delivered
    {
        get { lock (_delivered) return [.. _delivered]; }
    }

    async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 scripted.test ESMTP");
            var messages = 0;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                if (CloseAfterMessages is { } max && messages >= max && verb != "QUIT")
                {
                    await writer.WriteLineAsync("421 4.4.2 scripted.test closing: idle too long");
                    return;
                }
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 scripted.test");
                        break;
                    case "MAIL":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 Ok");
                        break;
                    case "RCPT":
                        var address = line[(line.IndexOf('<') + 1)..line.IndexOf('>')];
                        var reply = RecipientReply(address);
                        if (reply.StartsWith('2')) recipients.Add(address);
                        await writer.WriteLineAsync(reply);
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".") { }
                        lock (_delivered) _delivered.AddRange(recipients);
                        messages++;
                        await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                        break;
                    case "RSET":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException) { /* the client went away */ }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
