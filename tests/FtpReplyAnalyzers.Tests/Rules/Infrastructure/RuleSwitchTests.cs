using System.Collections.Generic;
using System.Linq;
using System.Threading;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FtpReplyAnalyzers.Tests.Rules.Infrastructure;

/// <summary>Which rules <see cref="RuleSwitch"/> says are on for a file: .editorconfig, global config and /nowarn.</summary>
public class RuleSwitchTests
{
    private static readonly SyntaxTree First = CSharpSyntaxTree.ParseText("class FtpA { }", path: "/src/A.cs");
    private static readonly SyntaxTree Second = CSharpSyntaxTree.ParseText("class FtpB { }", path: "/src/B.cs");

    private static readonly string[] AllIds = FtpReplyAnalyzer.Rules.Select(r => r.Descriptor.Id).ToArray();

    /// <summary>Severities per file and global ones, as .editorconfig and a global config give them to the compiler.</summary>
    private sealed class Severities : SyntaxTreeOptionsProvider
    {
        private readonly Dictionary<(SyntaxTree, string), ReportDiagnostic> _perTree = new();
        private readonly Dictionary<string, ReportDiagnostic> _global = new();

        public Severities For(SyntaxTree tree, string id, ReportDiagnostic severity)
        {
            _perTree[(tree, id)] = severity;
            return this;
        }

        public Severities Global(string id, ReportDiagnostic severity)
        {
            _global[id] = severity;
            return this;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _perTree.TryGetValue((tree, diagnosticId), out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            => _global.TryGetValue(diagnosticId, out severity);
    }

    private static CSharpCompilationOptions Options(Severities? severities = null, params (string Id, ReportDiagnostic Report)[] specific)
        => new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSyntaxTreeOptionsProvider(severities)
            .WithSpecificDiagnosticOptions(specific.Select(s => new KeyValuePair<string, ReportDiagnostic>(s.Id, s.Report)));

    /// <summary>The ids of the rules on for <paramref name="tree"/>, as the analyzer finds them: rules off everywhere are left out first.</summary>
    private static string[] OnFor(CompilationOptions options, SyntaxTree tree)
    {
        var active = FtpReplyAnalyzer.Rules.Where(r => !RuleSwitch.IsOffEverywhere(r.Descriptor, options)).ToArray();
        return new RuleSwitch(active, options).OnFor(tree, CancellationToken.None).Select(r => r.Descriptor.Id).ToArray();
    }

    private static DiagnosticDescriptor Descriptor(string id) => FtpReplyAnalyzer.Rules.Single(r => r.Descriptor.Id == id).Descriptor;

    private static string[] AllBut(params string[] ids) => AllIds.Except(ids).ToArray();

    [Fact]
    public void EveryRuleIsOnByDefault()
    {
        Assert.Equal(8, AllIds.Length);
        Assert.Equal(AllIds, OnFor(Options(), First));
    }

    [Fact]
    public void EditorConfigSeverityNoneTurnsARuleOffForThatFileOnly()
    {
        var options = Options(new Severities().For(First, "FTPR0002", ReportDiagnostic.Suppress));
        Assert.Equal(AllBut("FTPR0002"), OnFor(options, First));
        Assert.Equal(AllIds, OnFor(options, Second));
        Assert.False(RuleSwitch.IsOffEverywhere(Descriptor("FTPR0002"), options));
    }

    [Fact]
    public void EditorConfigSeverityErrorKeepsARuleOn()
    {
        var options = Options(new Severities().For(First, "FTPR0001", ReportDiagnostic.Error));
        Assert.Equal(AllIds, OnFor(options, First));
    }

    [Fact]
    public void NoWarnTurnsARuleOffEverywhere()
    {
        var options = Options(null, ("FTPR0003", ReportDiagnostic.Suppress));
        Assert.True(RuleSwitch.IsOffEverywhere(Descriptor("FTPR0003"), options));
        Assert.Equal(AllBut("FTPR0003"), OnFor(options, First));
        Assert.Equal(AllBut("FTPR0003"), OnFor(options, Second));

        // The switch alone, given every rule, reads /nowarn too.
        var all = new RuleSwitch(FtpReplyAnalyzer.Rules.ToArray(), options).OnFor(First, CancellationToken.None).Select(r => r.Descriptor.Id);
        Assert.Equal(AllBut("FTPR0003"), all);
    }

    [Fact]
    public void NoWarnWinsOverAnEditorConfigSeverity()
    {
        var options = Options(new Severities().For(First, "FTPR0003", ReportDiagnostic.Error), ("FTPR0003", ReportDiagnostic.Suppress));
        Assert.True(RuleSwitch.IsOffEverywhere(Descriptor("FTPR0003"), options));
        Assert.Equal(AllBut("FTPR0003"), OnFor(options, First));
    }

    [Fact]
    public void EditorConfigSeverityNoneWinsOverACompilationSeverity()
    {
        // A rule set raising the rule to error, a file's .editorconfig turning it off.
        var options = Options(new Severities().For(First, "FTPR0004", ReportDiagnostic.Suppress), ("FTPR0004", ReportDiagnostic.Error));
        Assert.False(RuleSwitch.IsOffEverywhere(Descriptor("FTPR0004"), options));
        Assert.Equal(AllBut("FTPR0004"), OnFor(options, First));
        Assert.Equal(AllIds, OnFor(options, Second));
    }

    [Fact]
    public void GlobalConfigValueAppliesToEveryFile()
    {
        var options = Options(new Severities().Global("FTPR0008", ReportDiagnostic.Suppress));
        Assert.Equal(AllBut("FTPR0008"), OnFor(options, First));
        Assert.Equal(AllBut("FTPR0008"), OnFor(options, Second));
    }

    [Fact]
    public void FileSeverityWinsOverTheGlobalConfigValue()
    {
        var options = Options(new Severities().Global("FTPR0008", ReportDiagnostic.Suppress).For(First, "FTPR0008", ReportDiagnostic.Info));
        Assert.Equal(AllIds, OnFor(options, First));
        Assert.Equal(AllBut("FTPR0008"), OnFor(options, Second));
    }
}
