using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FtpClientSample;

/// <summary>A hand-written FTP client over a socket: it sends commands and reads the reply codes itself.</summary>
public sealed class FtpControlConnection : IDisposable
{
    private readonly TcpClient _tcp = new();
    private StreamReader? _reader;
    private StreamWriter? _writer;

    public async Task ConnectAsync(string host, string user, string password, CancellationToken cancellationToken)
    {
        await _tcp.ConnectAsync(host, 21, cancellationToken);
        var stream = _tcp.GetStream();
        _reader = new StreamReader(stream, Encoding.ASCII);
        _writer = new StreamWriter(stream, Encoding.ASCII) { AutoFlush = true, NewLine = "\r\n" };
        await ReadReplyAsync(cancellationToken);

        int replyCode = await SendCommandAsync("USER " + user, cancellationToken);
        if (replyCode != 331)
        {
            // Anonymous servers answer USER with 230 and need no password.
            throw new UnauthorizedAccessException("USER refused: " + replyCode);
        }

        await SendCommandAsync("PASS " + password, cancellationToken);
    }

    public async Task CheckPathAsync(string path, CancellationToken cancellationToken)
    {
        int replyCode = await SendCommandAsync("STAT " + path, cancellationToken);
        switch (replyCode)
        {
            case 211:
            case 213:
                break;
            case 212:
                throw new InvalidOperationException("Unexpected directory status for " + path);
            default:
                throw new IOException($"STAT {path} failed with {replyCode}");
        }
    }

    public async Task RetrieveAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        int replyCode = await SendCommandAsync("RETR " + path, cancellationToken);
        if (replyCode == 425 || replyCode == 426)
        {
            throw new IOException("Data connection failed");
        }

        // ... copy the data connection to destination, then read the final reply.
        await destination.FlushAsync(cancellationToken);
    }

    public void Dispose() => _tcp.Dispose();

    private async Task<int> SendCommandAsync(string command, CancellationToken cancellationToken)
    {
        await _writer!.WriteLineAsync(command.AsMemory(), cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    private async Task<int> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var line = await _reader!.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException();
        return int.Parse(line.Substring(0, 3));
    }
}
