using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FtpReplyAnalyzers.Tests.Infrastructure;

/// <summary>An analyzer-only verifier whose test code is compiled with edtFTPnet's surface beside FluentFTP's.</summary>
public static class EdtFtpVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = Verifier<TAnalyzer, EmptyCodeFixProvider>.CreateTest(source, fixedSource: null);
        test.TestState.Sources.Add(("EdtFtp.cs", EdtFtpSurface.Source));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
