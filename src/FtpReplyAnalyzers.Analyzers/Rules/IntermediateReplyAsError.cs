using System.Collections.Generic;
using FtpReplyAnalyzers.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers.Rules;

/// <summary>FTPR0005: a 3xx reply (Positive Intermediate) that the command sequence expects reaches error handling.</summary>
internal sealed class IntermediateReplyAsError : PositiveReplyAsError
{
    public IntermediateReplyAsError()
        : base(3, RuleDescriptors.IntermediateReplyAsError)
    {
    }

    private protected override object[] MessageArguments(List<ReplyCodeInfo> codes, string pronoun)
    {
        var advice = new List<string>();
        foreach (var code in codes)
        {
            if (!advice.Contains(code.Advice))
            {
                advice.Add(code.Advice);
            }
        }

        return new object[] { pronoun, "continue the sequence: " + string.Join("; ", advice) };
    }
}
