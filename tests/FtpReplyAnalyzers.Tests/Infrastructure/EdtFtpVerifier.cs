using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace FtpReplyAnalyzers.Tests.Infrastructure;

/// <summary>An analyzer-only verifier whose test code is compiled with edtFTPnet's surface beside FluentFTP's.</summary>
internal static class EdtFtpVerifier<TRule>
    where TRule : Rule, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Verifier<TRule, EmptyCodeFixProvider>.CreateTest(source, fixedSource: null);
        test.TestState.Sources.Add(("EdtFtp.cs", EdtFtpSurface.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
