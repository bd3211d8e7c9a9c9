using Microsoft.CodeAnalysis.Diagnostics;

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

    /// <summary>Registers the rule's actions for a compilation that speaks FTP.</summary>
    private protected abstract void OnFtpCompilationStart(CompilationStartAnalysisContext context, FtpAnalysisContext ftp);
}
