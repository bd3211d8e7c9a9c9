using System.Threading.Tasks;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = FtpReplyAnalyzers.Tests.Infrastructure.Verifier<FtpReplyAnalyzers.Rules.TransientReplyGivenUp, FtpReplyAnalyzers.CodeFixes.Rules.TransientReplyGivenUpCodeFixProvider>;

namespace FtpReplyAnalyzers.Tests.Rules;

/// <summary>.editorconfig: severity like any analyzer (raising it to error is checked on a real build by .ci/package-check.sh), and the retry fix's settings.</summary>
public class ConfigurationTests
{
    private const string Source = """
using System.IO;
using FluentFTP;

class Transfers
{
    void Run(FtpClient client)
    {
        var reply = client.Execute("RETR a");
        if (reply.Code == "426")
            {|#0:throw new IOException("aborted");|}
    }
}
""";

    [Fact]
    public async Task Severity_none_silences_the_rule()
    {
        var test = VerifyCS.CreateTest(Source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), fixedSource: null);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.FTPR0001.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Retry_fix_uses_the_configured_attempts_and_first_delay()
    {
        var fixedSource = """
using System;
using System.IO;
using System.Threading;
using FluentFTP;

class Transfers
{
    void Run(FtpClient client)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reply = client.Execute("RETR a");
            if (reply.Code == "426")
            {
                if (attempt < 5)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(250 * Math.Pow(2, attempt)));
                    continue;
                }

                throw new IOException("aborted");
            }

            break;
        }
    }
}
""";
        var test = VerifyCS.CreateTest(Source.Replace("{|#0:", "{|FTPR0001:"), fixedSource);
        const string config = "root = true\n\n[*.cs]\ndotnet_diagnostic.FTPR0001.max_retries = 5\ndotnet_diagnostic.FTPR0001.first_delay_ms = 250\n";
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        await test.RunAsync();
    }

    private static async Task VerifyWithConfigAsync(string source, string? config)
    {
        var test = VerifyCS.CreateTest(source, fixedSource: null);
        if (config is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + config + "\n"));
        }

        await test.RunAsync();
    }

    private const string RetryHelperSource = """
using System;
using System.IO;
using FluentFTP;

static class Resilient
{
    public static void Run(Action action, int times) => action();
}

class Transfers
{
    void Run(FtpClient client) => Resilient.Run(() =>
    {
        var reply = client.Execute("RETR a");
        if (reply.Code == "426")
            MARK
    }, 3);
}
""";

    [Fact]
    public async Task Retry_helper_named_in_editorconfig_counts_as_retrying()
    {
        await VerifyWithConfigAsync(RetryHelperSource.Replace("MARK", "{|FTPR0001:throw new IOException(\"aborted\");|}"), config: null);
        await VerifyWithConfigAsync(RetryHelperSource.Replace("MARK", "throw new IOException(\"aborted\");"), "ftp_reply_analyzers.retry_helpers = Resilient.Run");
    }

    private const string ReplyMemberSource = """
using System.IO;

// A hand-written FTP client whose reply code has an unusual name.
class Connection
{
    public int Last;
}

class Transfers
{
    void Run(Connection connection)
    {
        if (connection.Last == 426)
            MARK
    }
}
""";

    [Fact]
    public async Task Reply_code_member_named_in_editorconfig_is_understood()
    {
        await VerifyWithConfigAsync(ReplyMemberSource.Replace("MARK", "throw new IOException(\"aborted\");"), config: null);
        await VerifyWithConfigAsync(ReplyMemberSource.Replace("MARK", "{|FTPR0001:throw new IOException(\"aborted\");|}"), "ftp_reply_analyzers.reply_code_members = Connection.Last");
    }

    [Fact]
    public async Task Excluded_symbols_are_not_analyzed()
    {
        const string source = """
using System.IO;
using FluentFTP;

class Legacy
{
    void Run(FtpClient client)
    {
        var reply = client.Execute("RETR a");
        if (reply.Code == "426")
            MARK
    }
}
""";
        await VerifyWithConfigAsync(source.Replace("MARK", "{|FTPR0001:throw new IOException(\"aborted\");|}"), config: null);
        await VerifyWithConfigAsync(source.Replace("MARK", "throw new IOException(\"aborted\");"), "ftp_reply_analyzers.excluded_symbols = Legacy");
        await VerifyWithConfigAsync(source.Replace("MARK", "throw new IOException(\"aborted\");"), "ftp_reply_analyzers.excluded_symbols = Legacy.Run");
    }
}
