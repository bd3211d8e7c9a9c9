using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FtpReplyAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs an analyzer (and optionally its fix) over test code, offline: reference assemblies come from
/// Basic.Reference.Assemblies and FluentFTP's surface is compiled in.
/// </summary>
public static class Verifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic() => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic();

    /// <summary>The rule's diagnostic, with the rule's descriptor (severity, message format) looked up by id.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(diagnosticId);

    /// <summary>
    /// The diagnostic <paramref name="diagnosticId"/> with exactly <paramref name="message"/>, at the markup location of the
    /// first of <paramref name="markupKeys"/> ({|#0:...|}), with the others as its additional locations, in the order the
    /// analyzer reports them. Unlike a diagnostic written in markup ({|FTPR0001:...|}), it asserts the message and the
    /// additional locations (the contract between a rule and its fix): none when only one key is given.
    /// </summary>
    public static DiagnosticResult Diagnostic(string diagnosticId, string message, params int[] markupKeys)
    {
        if (markupKeys.Length == 0)
        {
            throw new System.ArgumentException("The primary location is required.", nameof(markupKeys));
        }

        var result = Diagnostic(diagnosticId).WithMessage(message);
        foreach (var key in markupKeys)
        {
            result = result.WithLocation(key);
        }

        return result;
    }

    /// <summary>Asserts the diagnostics marked in <paramref name="source"/> ({|FTPR0001:...|} or [|...|]) and no others.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = CreateTest(source, fixedSource: null);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts the diagnostics and the exact code the fix with <paramref name="equivalenceKey"/> produces.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null, int iterations = 1)
    {
        var test = CreateTest(source, fixedSource);
        test.CodeActionEquivalenceKey = equivalenceKey;
        test.NumberOfIncrementalIterations = iterations;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Asserts that no fix is offered for the marked diagnostics.</summary>
    public static Task VerifyNoCodeFixAsync(string source)
    {
        var test = CreateTest(source, source);
        return test.RunAsync(CancellationToken.None);
    }

    public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> CreateTest(string source, string? fixedSource)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestCode = source,
        };
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        test.TestState.Sources.Add(("FluentFtp.cs", FluentFtpSurface.Source));
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
            test.FixedState.Sources.Add(("FluentFtp.cs", FluentFtpSurface.Source));
        }

        return test;
    }
}

/// <summary>An analyzer-only verifier (no fix).</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <inheritdoc cref="Verifier{TAnalyzer, TCodeFix}.Diagnostic(string)"/>
    public static DiagnosticResult Diagnostic(string diagnosticId) => Verifier<TAnalyzer, EmptyCodeFixProvider>.Diagnostic(diagnosticId);

    /// <inheritdoc cref="Verifier{TAnalyzer, TCodeFix}.Diagnostic(string, string, int[])"/>
    public static DiagnosticResult Diagnostic(string diagnosticId, string message, params int[] markupKeys)
        => Verifier<TAnalyzer, EmptyCodeFixProvider>.Diagnostic(diagnosticId, message, markupKeys);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verifier<TAnalyzer, EmptyCodeFixProvider>.VerifyAnalyzerAsync(source, expected);
}
