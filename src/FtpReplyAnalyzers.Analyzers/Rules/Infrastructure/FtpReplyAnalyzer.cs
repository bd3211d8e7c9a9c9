using FtpReplyAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// The base of every rule: concurrent, generated code skipped, nothing registered for a compilation that speaks
/// no FTP (no file mentions it and FluentFTP is not referenced), and per code block one <see cref="ReplyBlock"/>,
/// collected by one rule of the compilation (the first to start) from the driver's operations and read by all of
/// them at the block's end.
/// </summary>
public abstract class FtpReplyAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is skipped below, per block, from the context's IsGeneratedCode (known from the file and the
        // symbol). Left to the driver (GeneratedCodeAnalysisFlags.None), every reported diagnostic would make it scan
        // the whole file's tokens for a GeneratedCode attribute: the largest single cost on FTP code, for nothing.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var ftp = FtpAnalysisContext.TryCreate(start.Compilation, start.Options);
            if (ftp is null || !IsActive(ftp))
            {
                return;
            }

            if (ftp.TryCollect(this))
            {
                // One rule of the compilation collects every block's facts from the operations the driver walks anyway.
                start.RegisterOperationAction(ftp.Collect, ReplyBlock.Kinds);
            }

            // One action at each block's end: no start scope and no registration per block.
            start.RegisterOperationBlockAction(end =>
            {
                if (!end.IsGeneratedCode && ftp.Covers(end.OperationBlocks, end.OwningSymbol))
                {
                    Read(end, ftp);
                }
            });
        });
    }

    /// <summary>Reads the block's facts (collected, or found now by a walk) and reports on them.</summary>
    private void Read(OperationBlockAnalysisContext end, FtpAnalysisContext ftp)
        => AnalyzeBlock(ftp.FactsFor(end.OperationBlocks, end.OwningSymbol), ftp, new DiagnosticReporter(end));

    /// <summary>False when the rule has nothing to look for in this compilation (FTPR0008 without FtpStatusCode).</summary>
    private protected virtual bool IsActive(FtpAnalysisContext ftp) => true;

    /// <summary>Reports the rule's diagnostics for one code block.</summary>
    private protected abstract void AnalyzeBlock(ReplyBlock block, FtpAnalysisContext ftp, DiagnosticReporter report);
}
