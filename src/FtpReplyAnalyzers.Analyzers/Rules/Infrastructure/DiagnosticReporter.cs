using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// Reports to a code block's context. A struct passed by value: a delegate over the context would box it and
/// allocate twice for every rule and every block, diagnostic or not.
/// </summary>
internal readonly struct DiagnosticReporter
{
    private readonly OperationBlockAnalysisContext _context;

    public DiagnosticReporter(OperationBlockAnalysisContext context) => _context = context;

    public void Report(Diagnostic diagnostic) => _context.ReportDiagnostic(diagnostic);
}
