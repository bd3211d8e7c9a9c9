using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using VerifyRetry = FtpReplyAnalyzers.Tests.Infrastructure.Verifier<FtpReplyAnalyzers.Rules.TransientReplyGivenUp, FtpReplyAnalyzers.CodeFixes.Rules.TransientReplyGivenUpCodeFixProvider>;

namespace FtpReplyAnalyzers.Tests.Rules;

/// <summary>
/// FTPR0009: an option the package cannot use is reported once per compilation, without a location, with its key,
/// its value and what is used instead; a valid option is not.
/// </summary>
public class InvalidOptionTests
{
    private const string FtpSource = """
using System.IO;
using FluentFTP;

class Transfers
{
    void Run(FtpClient client)
    {
        var reply = client.Execute("RETR a");
        if (reply.Code == "426")
            throw new IOException("aborted");
    }
}
""";

    private const string PlainSource = """
class Plain
{
    int Twice(int value) => value * 2;
}
""";

    private static DiagnosticResult Invalid(string key, string value, string reason)
        => new DiagnosticResult(RuleDescriptors.InvalidOption).WithMessage($"The option {key} = {value} is not valid: {reason}");

    /// <summary>The analyzer with only FTPR0009 on, over <paramref name="sources"/>, with an .editorconfig of <paramref name="options"/>.</summary>
    private static CSharpCodeFixTest<FtpReplyAnalyzer, EmptyCodeFixProvider, DefaultVerifier> CreateTest(string options, params string[] sources)
    {
        var test = new CSharpCodeFixTest<FtpReplyAnalyzer, EmptyCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        foreach (var descriptor in new FtpReplyAnalyzer().SupportedDiagnostics)
        {
            if (descriptor.Id != DiagnosticIds.InvalidOption)
            {
                test.DisabledDiagnostics.Add(descriptor.Id);
            }
        }

        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/src/File{i}.cs", sources[i]));
        }

        test.TestState.Sources.Add(("/src/FluentFtp.cs", FluentFtpSurface.Source));
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + options + "\n"));
        return test;
    }

    private static Task VerifyAsync(string options, params DiagnosticResult[] expected)
    {
        var test = CreateTest(options, FtpSource);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    #region Reports

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("abc")]
    [InlineData("101")]
    [InlineData("2.5")]
    public Task Max_retries_out_of_range_or_not_a_number(string value)
        => VerifyAsync(
            "dotnet_diagnostic.FTPR0001.max_retries = " + value,
            Invalid("dotnet_diagnostic.FTPR0001.max_retries", value, "it takes a whole number from 1 to 100; 3 is used instead"));

    [Theory]
    [InlineData("-5")]
    [InlineData("1s")]
    [InlineData("3600001")]
    public Task First_delay_out_of_range_or_not_a_number(string value)
        => VerifyAsync(
            "dotnet_diagnostic.FTPR0001.first_delay_ms = " + value,
            Invalid("dotnet_diagnostic.FTPR0001.first_delay_ms", value, "it takes a whole number from 0 to 3600000; 1000 is used instead"));

    [Fact]
    public Task Keys_are_read_ignoring_case_and_named_as_the_docs_write_them()
        => VerifyAsync(
            "DOTNET_DIAGNOSTIC.ftpr0001.Max_Retries = 0",
            Invalid("dotnet_diagnostic.FTPR0001.max_retries", "0", "it takes a whole number from 1 to 100; 3 is used instead"));

    [Fact]
    public Task Unknown_package_option()
        => VerifyAsync(
            "ftp_reply_analyzers.retry_helper = Resilience.Run",
            Invalid(
                "ftp_reply_analyzers.retry_helper",
                "Resilience.Run",
                "FtpReplyAnalyzers has no such option (it reads ftp_reply_analyzers.retry_helpers, ftp_reply_analyzers.reply_code_members and ftp_reply_analyzers.excluded_symbols); it is ignored"));

    [Fact]
    public Task Option_of_another_rule()
        => VerifyAsync(
            "dotnet_diagnostic.FTPR0002.max_retries = 5",
            Invalid("dotnet_diagnostic.FTPR0002.max_retries", "5", "FTPR0002 has no option max_retries (it reads severity); it is ignored"));

    [Fact]
    public Task Unknown_setting_of_the_retry_rule_lists_its_settings()
        => VerifyAsync(
            "dotnet_diagnostic.FTPR0001.max_attempts = 5",
            Invalid("dotnet_diagnostic.FTPR0001.max_attempts", "5", "FTPR0001 has no option max_attempts (it reads severity, max_retries and first_delay_ms); it is ignored"));

    [Fact]
    public Task Rule_that_does_not_exist()
        => VerifyAsync(
            "dotnet_diagnostic.FTPR0042.max_retries = 3",
            Invalid("dotnet_diagnostic.FTPR0042.max_retries", "3", "there is no rule FTPR0042 (the rules are FTPR0001 to FTPR0009); it is ignored"));

    [Fact]
    public Task Names_that_are_not_names()
        => VerifyAsync(
            "ftp_reply_analyzers.retry_helpers = Resilience.Run(), TransferPolicy.Execute\n"
            + "ftp_reply_analyzers.excluded_symbols = Legacy Client, Old-Client, Diagnostics.Dump",
            Invalid(
                "ftp_reply_analyzers.excluded_symbols",
                "Legacy Client, Old-Client, Diagnostics.Dump",
                "'Legacy Client' and 'Old-Client' are not names (Name, Type.Name or Namespace.Type, comma-separated); left out, the other names are used"),
            Invalid(
                "ftp_reply_analyzers.retry_helpers",
                "Resilience.Run(), TransferPolicy.Execute",
                "'Resilience.Run()' is not a name (Name, Type.Name or Namespace.Type, comma-separated); left out, the other names are used"));

    [Fact]
    public async Task Analysis_mode_that_is_not_a_mode()
    {
        var test = CreateTest(string.Empty, FtpSource);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.FtpReplyAnalysisMode = Loud\n"));
        test.ExpectedDiagnostics.Add(Invalid("FtpReplyAnalysisMode", "Loud", "it takes Default, Strict, Minimal or None; Default is used instead (each rule at its default severity)"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Once_per_compilation_for_any_number_of_files()
    {
        var test = CreateTest("dotnet_diagnostic.FTPR0001.max_retries = 0", FtpSource, FtpSource.Replace("Transfers", "Uploads"), PlainSource);
        test.ExpectedDiagnostics.Add(Invalid("dotnet_diagnostic.FTPR0001.max_retries", "0", "it takes a whole number from 1 to 100; 3 is used instead"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Each_distinct_value_once()
    {
        var test = CreateTest("dotnet_diagnostic.FTPR0001.max_retries = 0\n\n[File1.cs]\ndotnet_diagnostic.FTPR0001.max_retries = -1", FtpSource, FtpSource.Replace("Transfers", "Uploads"), FtpSource.Replace("Transfers", "Renames"));
        test.ExpectedDiagnostics.Add(Invalid("dotnet_diagnostic.FTPR0001.max_retries", "-1", "it takes a whole number from 1 to 100; 3 is used instead"));
        test.ExpectedDiagnostics.Add(Invalid("dotnet_diagnostic.FTPR0001.max_retries", "0", "it takes a whole number from 1 to 100; 3 is used instead"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Option_in_a_global_config()
    {
        var test = CreateTest(string.Empty, FtpSource);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.FTPR0001.first_delay_ms = soon\n"));
        test.ExpectedDiagnostics.Add(Invalid("dotnet_diagnostic.FTPR0001.first_delay_ms", "soon", "it takes a whole number from 0 to 3600000; 1000 is used instead"));
        await test.RunAsync();
    }

    #endregion

    #region Does not report

    [Fact]
    public Task Every_documented_option_with_a_valid_value()
        => VerifyAsync(
            "dotnet_diagnostic.FTPR0001.severity = error\n"
            + "dotnet_diagnostic.FTPR0008.severity = none\n"
            + "dotnet_diagnostic.FTPR0001.max_retries = 100\n"
            + "dotnet_diagnostic.FTPR0001.first_delay_ms = 0\n"
            + "ftp_reply_analyzers.retry_helpers = Resilience.Run, TransferPolicy.Execute; Polly.Policy.Execute\n"
            + "ftp_reply_analyzers.reply_code_members = Connection.Last, ReadStatus, Replies<T>.Code\n"
            + "ftp_reply_analyzers.excluded_symbols =\n"
            + "dotnet_diagnostic.CA1000.max_retries = 0\n"
            + "dotnet_diagnostic.FTPRX.severity = none\n"
            + "some_other_tool.max_retries = 0");

    [Theory]
    [InlineData("Default")]
    [InlineData("strict")]
    [InlineData("Minimal")]
    [InlineData("None")]
    [InlineData("")]
    public async Task Analysis_modes(string mode)
    {
        var test = CreateTest(string.Empty, FtpSource);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.FtpReplyAnalysisMode = " + mode + "\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Code_without_ftp_is_not_looked_at()
    {
        // The gate: a compilation that speaks no FTP registers nothing, the option check included.
        var test = new CSharpCodeFixTest<FtpReplyAnalyzer, EmptyCodeFixProvider, DefaultVerifier> { ReferenceAssemblies = new ReferenceAssemblies("net10.0"), TestCode = PlainSource };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.FTPR0001.max_retries = 0\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Off_in_the_compilation_options()
    {
        var test = CreateTest("dotnet_diagnostic.FTPR0001.max_retries = 0", FtpSource);
        test.DisabledDiagnostics.Add(DiagnosticIds.InvalidOption);
        await test.RunAsync();
    }

    #endregion

    [Fact]
    public async Task Retry_fix_writes_the_defaults_for_values_it_reports()
    {
        const string source = """
using System.IO;
using FluentFTP;

class Transfers
{
    void Run(FtpClient client)
    {
        var reply = client.Execute("RETR a");
        if (reply.Code == "426")
            {|FTPR0001:throw new IOException("aborted");|}
    }
}
""";
        const string fixedSource = """
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
                if (attempt < 3)
                {
                    // Transient 4xx reply: wait, then try again (bounded, exponential backoff).
                    Thread.Sleep(TimeSpan.FromMilliseconds(1000 * Math.Pow(2, attempt)));
                    continue;
                }

                throw new IOException("aborted");
            }

            break;
        }
    }
}
""";
        const string config = "root = true\n\n[*.cs]\ndotnet_diagnostic.FTPR0001.max_retries = 0\ndotnet_diagnostic.FTPR0001.first_delay_ms = -5\n";
        var test = VerifyRetry.CreateTest(source, fixedSource);
        test.DisabledDiagnostics.Remove(DiagnosticIds.InvalidOption);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        test.TestState.ExpectedDiagnostics.Add(Invalid("dotnet_diagnostic.FTPR0001.first_delay_ms", "-5", "it takes a whole number from 0 to 3600000; 1000 is used instead"));
        test.TestState.ExpectedDiagnostics.Add(Invalid("dotnet_diagnostic.FTPR0001.max_retries", "0", "it takes a whole number from 1 to 100; 3 is used instead"));
        test.FixedState.ExpectedDiagnostics.Add(Invalid("dotnet_diagnostic.FTPR0001.first_delay_ms", "-5", "it takes a whole number from 0 to 3600000; 1000 is used instead"));
        test.FixedState.ExpectedDiagnostics.Add(Invalid("dotnet_diagnostic.FTPR0001.max_retries", "0", "it takes a whole number from 1 to 100; 3 is used instead"));
        await test.RunAsync();
    }
}
