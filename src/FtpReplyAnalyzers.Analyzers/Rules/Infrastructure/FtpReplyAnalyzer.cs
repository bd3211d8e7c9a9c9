using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using FtpReplyAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// The base of every rule: concurrent, generated code skipped, and nothing registered for a compilation
/// that speaks no FTP (no file mentions it and FluentFTP is not referenced).
/// </summary>
public abstract class FtpReplyAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var ftp = FtpAnalysisContext.TryCreate(start.Compilation, start.Options);
            if (ftp is not null)
            {
                OnFtpCompilationStart(start, ftp);
            }
        });
    }

    /// <summary>
    /// Collects, per code block, the sites (throws, returns, exits, ...) that <paramref name="accept"/> keeps, and
    /// analyzes them when the block ends: a diagnostic on the test before a site then stays local to the block,
    /// and each test is reported once (<paramref name="analyze"/> gets the spans already reported).
    /// </summary>
    private protected static void RegisterSitesPerBlock(
        CompilationStartAnalysisContext start,
        FtpAnalysisContext ftp,
        Func<IOperation, GiveUpKind, bool> accept,
        Action<Action<Diagnostic>, IOperation, HashSet<TextSpan>> analyze)
    {
        start.RegisterOperationBlockStartAction(block =>
        {
            if (!ftp.Covers(block.OperationBlocks, block.OwningSymbol))
            {
                return;
            }

            var sites = new ConcurrentQueue<IOperation>();
            block.RegisterOperationAction(
                c =>
                {
                    foreach (var (site, kind) in ReplySites.Of(c.Operation, ftp))
                    {
                        if (accept(site, kind))
                        {
                            sites.Enqueue(site);
                        }
                    }
                },
                ReplySites.Kinds);
            block.RegisterOperationBlockEndAction(end =>
            {
                var reported = new HashSet<TextSpan>();
                foreach (var site in sites)
                {
                    analyze(end.ReportDiagnostic, site, reported);
                }
            });
        });
    }

    /// <summary>Registers the rule's actions for a compilation that speaks FTP.</summary>
    private protected abstract void OnFtpCompilationStart(CompilationStartAnalysisContext context, FtpAnalysisContext ftp);
}
