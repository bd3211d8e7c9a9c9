using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FtpClientSample.Compliant;

/// <summary>The hand-written client, following the reply categories.</summary>
public sealed class FtpControlConnection : IDisposable
{
    private const int MaxRetries = 3;
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
        if (replyCode / 100 == 2)
        {
            return; // 230: logged in without a password.
        }

        if (replyCode is not (331 or 332 or 336))
        {
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
            case 212:
            case 213:
                break;
            default:
                throw new IOException($"STAT {path} failed with {replyCode}");
        }
    }

    public async Task RetrieveAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            int replyCode = await SendCommandAsync("RETR " + path, cancellationToken);
            if ((replyCode == 425 || replyCode == 426) && attempt < MaxRetries)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), cancellationToken);
                continue;
            }

            await destination.FlushAsync(cancellationToken);
            return;
        }
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
