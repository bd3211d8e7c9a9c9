using System.Collections.Generic;
using FtpReplyAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Rules;

/// <summary>FTPR0002: a 2xx reply (Positive Completion) reaches error handling.</summary>
internal sealed class PositiveCompletionAsError : PositiveReplyAsError
{
    public PositiveCompletionAsError()
        : base(2, RuleDescriptors.PositiveCompletionAsError)
    {
    }

    private protected override object[] MessageArguments(List<ReplyCodeInfo> codes, string pronoun) => new object[] { pronoun };
}
