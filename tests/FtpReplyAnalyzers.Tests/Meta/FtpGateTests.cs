using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FtpReplyAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace FtpReplyAnalyzers.Tests.Meta;

/// <summary>
/// Code that mentions no FTP (no file containing "ftp", no FluentFTP reference) is not analyzed: every analyzer of
/// the package registers its compilation-start action and, from it, nothing. Counted by the driver's telemetry, so
/// an analyzer that registered actions and then found nothing to report would fail here.
/// </summary>
public class FtpGateTests
{
    [Fact]
    public async Task Code_without_ftp_gets_no_action_from_any_analyzer()
    {
        var ordinary = OrdinarySources();
        Assert.True(ordinary.Sum(s => s.Text.Split('\n').Length) >= 300, "the ordinary code should be a few hundred lines");
        Assert.All(ordinary, s => Assert.DoesNotContain("ftp", s.Text, StringComparison.OrdinalIgnoreCase));
        var compilation = AnalyzerRunner.Compile(ordinary);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Null(compilation.GetTypeByMetadataName("FluentFTP.FtpClient"));

        var (telemetry, diagnostics) = await TelemetryAsync(compilation);

        Assert.Empty(diagnostics);
        Assert.All(telemetry, entry =>
        {
            Assert.True(entry.Value.CompilationStartActionsCount == 1, $"{entry.Key}: {entry.Value.CompilationStartActionsCount} compilation-start actions");
            var registered = ActionCounts(entry.Value).Where(c => c.Name != nameof(AnalyzerTelemetryInfo.CompilationStartActionsCount) && c.Count != 0).ToList();
            Assert.True(registered.Count == 0, $"{entry.Key} registered actions for code without FTP: {string.Join(", ", registered.Select(c => $"{c.Name} = {c.Count}"))}");
        });
    }

    /// <summary>The same compilation with one FTP file: every analyzer registers its actions (the test above is not vacuous).</summary>
    [Fact]
    public async Task The_same_code_with_one_ftp_file_gets_actions_from_every_analyzer()
    {
        var compilation = AnalyzerRunner.Compile(OrdinarySources().Append(("Transfers.cs", FtpSource)));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var (telemetry, diagnostics) = await TelemetryAsync(compilation);

        Assert.All(telemetry, entry =>
        {
            var registered = ActionCounts(entry.Value).Where(c => c.Name != nameof(AnalyzerTelemetryInfo.CompilationStartActionsCount)).Sum(c => c.Count);
            Assert.True(registered > 0, $"{entry.Key} registered no action for a compilation with FTP code");
        });

        // The FTP file is reported; the files that do not mention FTP are still not looked at.
        Assert.Contains(diagnostics, d => d.Id == "FTPR0001" && d.Location.SourceTree!.FilePath == "Transfers.cs");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.All(diagnostics, d => Assert.Equal("Transfers.cs", d.Location.SourceTree!.FilePath));
    }

    private const string FtpSource = """
using System.IO;
using System.Net;

class Transfers
{
    void Check(FtpWebResponse response)
    {
        if (response.StatusCode == FtpStatusCode.ConnectionClosed)
            throw new IOException("aborted");
    }
}
""";

    /// <summary>Every DiagnosticAnalyzer type of the analyzer assembly, by reflection, with its telemetry after one run.</summary>
    private static async Task<(Dictionary<string, AnalyzerTelemetryInfo> Telemetry, ImmutableArray<Diagnostic> Diagnostics)> TelemetryAsync(Compilation compilation)
    {
        var analyzers = AnalyzerRunner.AllAnalyzers;
        Assert.NotEmpty(analyzers);
        var exceptions = new List<Diagnostic>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, diagnostic) => exceptions.Add(diagnostic),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(exceptions);
        var telemetry = new Dictionary<string, AnalyzerTelemetryInfo>(StringComparer.Ordinal);
        foreach (var analyzer in analyzers)
        {
            telemetry.Add(analyzer.GetType().Name, await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None));
        }

        return (telemetry, diagnostics);
    }

    /// <summary>Every action count of the telemetry (operation, operation block and its start, syntax node, symbol, semantic model, ...), found by reflection so a kind added later is counted too.</summary>
    private static List<(string Name, int Count)> ActionCounts(AnalyzerTelemetryInfo info)
    {
        var counts = typeof(AnalyzerTelemetryInfo).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(int) && p.Name.EndsWith("ActionsCount", StringComparison.Ordinal))
            .Select(p => (p.Name, (int)p.GetValue(info)!))
            .ToList();
        foreach (var kind in new[] { "Operation", "OperationBlock", "OperationBlockStart", "SyntaxNode", "Symbol", "SemanticModel", "CompilationStart" })
        {
            Assert.Contains(counts, c => c.Name == kind + "ActionsCount");
        }

        return counts;
    }

    /// <summary>
    /// A few hundred lines of ordinary code with the shapes the rules look at (numbers such as 426 and 550 compared and
    /// thrown on, retry loops, switches, catch filters, status codes of HTTP) but nothing of FTP.
    /// </summary>
    private static List<(string Path, string Text)> OrdinarySources()
    {
        var sources = new List<(string, string)>();
        for (var i = 0; i < 4; i++)
        {
            var text = new StringBuilder();
            text.Append($$"""
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Accounting{{i}};

public sealed record Invoice{{i}}(int Number, decimal Amount, string Customer);

public class Ledger{{i}}
{
    private readonly List<Invoice{{i}}> _invoices = new();
    private int _status;

    public int Status => _status;

    public void Add(Invoice{{i}} invoice)
    {
        if (invoice.Amount < 0)
            throw new ArgumentOutOfRangeException(nameof(invoice));
        _invoices.Add(invoice);
    }

    public bool Check(int code)
    {
        if (code == 426)
            throw new InvalidOperationException("odd");
        if (code / 100 == 5)
            return false;
        return code >= 400;
    }

    public string Describe(int code) => code switch
    {
        150 => "pending",
        226 => "closed",
        331 => "needs more",
        421 or 450 => "later",
        550 => "refused",
        _ => "unknown",
    };

    public async Task<int> RunAsync(Func<Task<int>> step, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await step();
            if (result / 100 == 4 && attempt < 3)
            {
                await Task.Delay(100 << attempt, cancellationToken);
                continue;
            }

            if (result >= 500)
                throw new IOException("refused: " + result);
            return result;
        }
    }

    public void Load(string path)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                var parts = line.Split(';');
                _status = int.Parse(parts[0]);
                if (parts[0].StartsWith("4", StringComparison.Ordinal))
                    break;
                Add(new Invoice{{i}}(_status, decimal.Parse(parts[1]), parts[2]));
            }
        }
        catch (IOException e) when (e.HResult == 550)
        {
            _status = 550;
        }
    }

    public bool IsOk(HttpStatusCode status) => status == HttpStatusCode.OK || (int)status == 202;

    public decimal Total(string customer) => _invoices.Where(x => x.Customer == customer).Sum(x => x.Amount);
}

""");
            sources.Add(($"Ledger{i}.cs", text.ToString()));
        }

        return sources;
    }
}
