using System;
using FtpReplyAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// The base of every rule: concurrent, generated code skipped, nothing registered for a compilation that speaks
/// no FTP (no file mentions it and FluentFTP is not referenced), and one action per code block that reads the
/// block's <see cref="ReplyBlock"/>, found once and shared by all the rules.
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
            if (ftp is not null && IsActive(ftp))
            {
                RegisterBlockAction(start, ftp);
            }
        });
    }

    private void RegisterBlockAction(CompilationStartAnalysisContext start, FtpAnalysisContext ftp)
        => start.RegisterOperationBlockAction(block =>
        {
            if (block.IsGeneratedCode || !ftp.Covers(block.OperationBlocks, block.OwningSymbol))
            {
                return;
            }

            AnalyzeBlock(ftp.BlockOf(block.OperationBlocks), ftp, block.ReportDiagnostic);
        });

    /// <summary>False when the rule has nothing to look for in this compilation (FTPR0008 without FtpStatusCode).</summary>
    private protected virtual bool IsActive(FtpAnalysisContext ftp) => true;

    /// <summary>Reports the rule's diagnostics for one code block.</summary>
    private protected abstract void AnalyzeBlock(ReplyBlock block, FtpAnalysisContext ftp, Action<Diagnostic> report);
}
