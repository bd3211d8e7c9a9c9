using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Rules;

/// <summary>Reports to a code block's context.</summary>
internal readonly struct DiagnosticReporter
{
    private readonly OperationBlockAnalysisContext _context;

    public DiagnosticReporter(OperationBlockAnalysisContext context) => _context = context;

    public void Report(Diagnostic diagnostic) => _context.ReportDiagnostic(diagnostic);
}
