using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Rules;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

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
        var test = Verifier<TransientReplyGivenUpAnalyzer, TransientReplyGivenUpCodeFixProvider>.CreateTest(Source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), fixedSource: null);
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
        var test = Verifier<TransientReplyGivenUpAnalyzer, TransientReplyGivenUpCodeFixProvider>.CreateTest(Source.Replace("{|#0:", "{|FTPR0001:"), fixedSource);
        const string config = "root = true\n\n[*.cs]\ndotnet_diagnostic.FTPR0001.max_retries = 5\ndotnet_diagnostic.FTPR0001.first_delay_ms = 250\n";
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        await test.RunAsync();
    }
}
