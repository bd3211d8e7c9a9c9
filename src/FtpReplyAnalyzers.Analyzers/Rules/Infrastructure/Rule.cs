using FtpReplyAnalyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// One rule: its descriptor, and the judgement of a code block's facts. <see cref="FtpReplyAnalyzer"/> builds each
/// block's facts once and hands them to every rule that is on for the block's file.
/// </summary>
internal abstract class Rule
{
    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>False when the rule has nothing to look for in this compilation (FTPR0008 without FtpStatusCode).</summary>
    public virtual bool IsActive(FtpAnalysisContext ftp) => true;

    /// <summary>Reports the rule's diagnostics for one code block.</summary>
    public abstract void Analyze(ReplyBlock block, FtpAnalysisContext ftp, OperationBlockAnalysisContext report);
}
