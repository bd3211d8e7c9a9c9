using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace FtpReplyAnalyzers.Tests.Infrastructure;

/// <summary>
/// Runs the analyzer with one rule on (the others turned off, as <c>.editorconfig</c> or <c>/nowarn</c> would) and
/// optionally a fix, over test code, offline: reference assemblies come from Basic.Reference.Assemblies and
/// FluentFTP's surface is compiled in.
/// </summary>
internal static class Verifier<TRule, TCodeFix>
    where TRule : Rule, new()
    where TCodeFix : CodeFixProvider, new()
{
    private static readonly DiagnosticDescriptor Descriptor = new TRule().Descriptor;

    public static DiagnosticResult Diagnostic() => new(Descriptor);

    /// <summary>The rule's diagnostic, with the rule's descriptor (severity, message format) looked up by id.</summary>
    public static DiagnosticResult Diagnostic(string diagnosticId)
    {
        foreach (var descriptor in new FtpReplyAnalyzer().SupportedDiagnostics)
        {
            if (descriptor.Id == diagnosticId)
            {
                return new DiagnosticResult(descriptor);
            }
        }

        throw new System.ArgumentException($"No rule has the id {diagnosticId}.", nameof(diagnosticId));
    }

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

    public static CSharpCodeFixTest<FtpReplyAnalyzer, TCodeFix, DefaultVerifier> CreateTest(string source, string? fixedSource)
    {
        var test = new CSharpCodeFixTest<FtpReplyAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestCode = source,
        };
        foreach (var descriptor in new FtpReplyAnalyzer().SupportedDiagnostics)
        {
            if (descriptor.Id != Descriptor.Id)
            {
                test.DisabledDiagnostics.Add(descriptor.Id);
            }
        }

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

/// <summary>An analyzer-only verifier (no fix) for one rule.</summary>
internal static class AnalyzerVerifier<TRule>
    where TRule : Rule, new()
{
    public static DiagnosticResult Diagnostic() => Verifier<TRule, EmptyCodeFixProvider>.Diagnostic();

    /// <inheritdoc cref="Verifier{TRule, TCodeFix}.Diagnostic(string)"/>
    public static DiagnosticResult Diagnostic(string diagnosticId) => Verifier<TRule, EmptyCodeFixProvider>.Diagnostic(diagnosticId);

    /// <inheritdoc cref="Verifier{TRule, TCodeFix}.Diagnostic(string, string, int[])"/>
    public static DiagnosticResult Diagnostic(string diagnosticId, string message, params int[] markupKeys)
        => Verifier<TRule, EmptyCodeFixProvider>.Diagnostic(diagnosticId, message, markupKeys);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verifier<TRule, EmptyCodeFixProvider>.VerifyAnalyzerAsync(source, expected);

    /// <summary>Like <see cref="VerifyAsync(string, DiagnosticResult[])"/>, with a second file of the same project (its callers, say).</summary>
    public static Task VerifyWithFileAsync(string source, string otherFile, params DiagnosticResult[] expected)
    {
        var test = Verifier<TRule, EmptyCodeFixProvider>.CreateTest(source, fixedSource: null);
        test.TestState.Sources.Add(("Other.cs", otherFile));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(System.Threading.CancellationToken.None);
    }
}
