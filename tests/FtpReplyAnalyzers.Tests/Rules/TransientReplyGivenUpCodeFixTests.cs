using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Rules;
using FtpReplyAnalyzers.Rules;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.Verifier<FtpReplyAnalyzers.Rules.TransientReplyGivenUpAnalyzer, FtpReplyAnalyzers.CodeFixes.Rules.TransientReplyGivenUpCodeFixProvider>;

namespace FtpReplyAnalyzers.Tests.Rules;

public class TransientReplyGivenUpCodeFixTests
{
    [Fact]
    public async Task Outside_a_loop_the_operation_is_wrapped_in_a_bounded_retry_loop()
    {
        var source = """
using System;
using System.IO;
using System.Threading;
using FluentFTP;

class Transfers
{
    void Download(FtpClient client)
    {
        // Fetch the nightly export.
        var reply = client.Execute("RETR export.csv");
        if (reply.Code == "426")
        {
            // The server dropped the data connection.
            {|FTPR0001:throw new IOException("Transfer aborted");|}
        }

        Console.WriteLine(reply.Message);
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Threading;
using FluentFTP;

class Transfers
{
    void Download(FtpClient client)
    {
        // Fetch the nightly export.
        for (var attempt = 0; ; attempt++)
        {
            var reply = client.Execute("RETR export.csv");
            if (reply.Code == "426")
            {
                if (attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                // The server dropped the data connection.
                throw new IOException("Transfer aborted");
            }

            Console.WriteLine(reply.Message);
            break;
        }
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.WrapInRetryLoopKey);
    }

    [Fact]
    public async Task Inside_a_loop_the_give_up_becomes_a_counted_retry()
    {
        var source = """
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FluentFTP;

class Transfers
{
    async Task<bool> SyncAsync(AsyncFtpClient client, string[] files, CancellationToken token)
    {
        var i = 0;
        while (i < files.Length)
        {
            var reply = await client.Execute("STOR " + files[i], token);
            if (reply.Type == FtpResponseType.TransientNegativeCompletion)
                {|FTPR0001:return false;|}
            i++;
        }

        return true;
    }
}
""";
        var fixedSource = """
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using FluentFTP;

class Transfers
{
    async Task<bool> SyncAsync(AsyncFtpClient client, string[] files, CancellationToken token)
    {
        var i = 0;
        var transientRetries = 0;
        while (i < files.Length)
        {
            var reply = await client.Execute("STOR " + files[i], token);
            if (reply.Type == FtpResponseType.TransientNegativeCompletion)
            {
                if (transientRetries++ < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    await Task.Delay(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, transientRetries - 1)), token);
                    continue;
                }

                return false;
            }

            i++;
        }

        return true;
    }
}
""";
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, TransientReplyGivenUpCodeFixProvider.RetryInLoopKey);
    }
}
