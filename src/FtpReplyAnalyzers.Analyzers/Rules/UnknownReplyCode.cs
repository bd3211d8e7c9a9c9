using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using FtpReplyAnalyzers.Catalog;
using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Rules;

/// <summary>
/// FTPR0007: a number compared with an FTP reply code that no RFC defines (462, 246, 700), or a Winsock error
/// number (10054, 10060, ...) compared with one.
/// </summary>
internal sealed class UnknownReplyCode : Rule
{
    public override DiagnosticDescriptor Descriptor => RuleDescriptors.UnknownReplyCode;

    public override void Analyze(ReplyBlock block, FtpAnalysisContext ftp, OperationBlockAnalysisContext report)
    {
        foreach (var operation in block.CodeTests)
        {
            Analyze(report, operation, block);
        }
    }

    private static void Analyze(OperationBlockAnalysisContext context, IOperation operation, ReplyBlock block)
    {
        var recognizer = block.Recognizer;
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                CheckEquality(context, recognizer, binary.LeftOperand, binary.RightOperand);
                break;
            case IInvocationOperation { TargetMethod.Name: "Equals", Instance: { } instance, Arguments.Length: >= 1 } equals:
                // code.Equals("251"), status.Equals(251)
                CheckEquality(context, recognizer, instance, equals.Arguments[0].Value);
                break;
            case IInvocationOperation { TargetMethod.Name: "Equals", Instance: null, Arguments.Length: >= 2 } equals:
                // string.Equals(code, "251", StringComparison.Ordinal)
                CheckEquality(context, recognizer, equals.Arguments[0].Value, equals.Arguments[1].Value);
                break;
            case IIsPatternOperation isPattern when CodeOperand(recognizer.Recognize(isPattern.Value)) is { } reply:
                CheckPattern(context, reply.Kind, isPattern.Pattern);
                break;
            case IIsPatternOperation isHolderPattern:
                CheckHolderPattern(context, recognizer, isHolderPattern.Pattern, 0);
                break;
            case ISingleValueCaseClauseOperation single when UnknownCode(single.Value) is not null && SwitchValue(single) is { } value && CodeOperand(recognizer.Recognize(value)) is { } reply:
                Check(context, reply.Kind, single.Value);
                break;
            case IPatternCaseClauseOperation patternClause when SwitchValue(patternClause) is { } value && CodeOperand(recognizer.Recognize(value)) is { } reply:
                CheckPattern(context, reply.Kind, patternClause.Pattern);
                break;
            case ISwitchExpressionOperation switchExpression when CodeOperand(recognizer.Recognize(switchExpression.Value)) is { } reply:
                foreach (var arm in switchExpression.Arms)
                {
                    CheckPattern(context, reply.Kind, arm.Pattern);
                }

                break;
        }
    }

    private static void CheckEquality(OperationBlockAnalysisContext context, ReplyRecognizer recognizer, IOperation left, IOperation right)
    {
        // Only a number or text that no RFC defines is reported: most comparisons hold none, and need no recognition.
        if (UnknownCode(left) is null && UnknownCode(right) is null)
        {
            return;
        }

        if (CodeOperand(recognizer.Recognize(left)) is { } leftReply)
        {
            Check(context, leftReply.Kind, right);
        }
        else if (CodeOperand(recognizer.Recognize(right)) is { } rightReply)
        {
            Check(context, rightReply.Kind, left);
        }
    }

    private static ReplyExpression? CodeOperand(ReplyExpression? reply)
        => reply is { Kind: ReplyValueKind.StatusCode or ReplyValueKind.Number or ReplyValueKind.Text } ? reply : null;

    private static IOperation? SwitchValue(ICaseClauseOperation clause)
        => clause.Parent?.Parent is ISwitchOperation switchOperation ? switchOperation.Value : null;

    private static void CheckPattern(OperationBlockAnalysisContext context, ReplyValueKind kind, IPatternOperation pattern)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant:
                Check(context, kind, constant.Value);
                break;
            case IBinaryPatternOperation binary:
                CheckPattern(context, kind, binary.LeftPattern);
                CheckPattern(context, kind, binary.RightPattern);
                break;
            case INegatedPatternOperation negated:
                CheckPattern(context, kind, negated.Pattern);
                break;
        }
    }

    /// <summary>reply is { Code: "520" }: property patterns on the object that holds the reply.</summary>
    private static void CheckHolderPattern(OperationBlockAnalysisContext context, ReplyRecognizer recognizer, IPatternOperation pattern, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        switch (pattern)
        {
            case IRecursivePatternOperation recursive:
                foreach (var sub in recursive.PropertySubpatterns)
                {
                    if (CodeOperand(recognizer.Recognize(sub.Member)) is { } reply)
                    {
                        CheckPattern(context, reply.Kind, sub.Pattern);
                    }
                    else
                    {
                        CheckHolderPattern(context, recognizer, sub.Pattern, depth + 1);
                    }
                }

                break;
            case IBinaryPatternOperation binary:
                CheckHolderPattern(context, recognizer, binary.LeftPattern, depth + 1);
                CheckHolderPattern(context, recognizer, binary.RightPattern, depth + 1);
                break;
            case INegatedPatternOperation negated:
                CheckHolderPattern(context, recognizer, negated.Pattern, depth + 1);
                break;
        }
    }

    private static void Check(OperationBlockAnalysisContext context, ReplyValueKind kind, IOperation constant)
    {
        if (UnknownCode(constant, kind) is { } value)
        {
            context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.UnknownReplyCode, constant.Syntax.GetLocation(), Message(value)));
        }
    }

    /// <summary>The code written as <paramref name="constant"/> when it is a number or text that no RFC defines, else null.</summary>
    private static long? UnknownCode(IOperation constant, ReplyValueKind kind = ReplyValueKind.Number)
    {
        // Enum members are named codes; the check is for numbers and strings written by hand.
        if (OperationHelpers.StripConversions(constant) is IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum })
        {
            return null;
        }

        // A reply code has three digits, 100 to 699: any other number compared with a reply is a sentinel (-1, 0) or a
        // status of another protocol (SFTP's 2), not a mistyped reply. The Winsock error numbers the catalog lists
        // apart are the exception: they are mistaken for replies.
        var code = ConditionEvaluator.ConstantCode(constant, kind);
        if (code is not { } value || ReplyCatalog.IsDefined((int)Math.Min(Math.Max(value, 0), int.MaxValue)))
        {
            return null;
        }

        return value is >= ReplyCatalog.MinCode and <= ReplyCatalog.MaxCode || IsWinsockNumber(value) ? value : null;
    }

    private static bool IsWinsockNumber(long value)
    {
        foreach (var winsock in ReplyCatalog.NotFtpReplies)
        {
            if (winsock.Key == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"462 is not an FTP reply code: no RFC defines it; did you mean 426 (connection closed; transfer aborted)?"</summary>
    public static string Message(long value)
    {
        foreach (var winsock in ReplyCatalog.NotFtpReplies)
        {
            if (winsock.Key == value)
            {
                return $"{value} is a Winsock error ({winsock.Value}), not an FTP reply code: test SocketException.SocketErrorCode instead";
            }
        }

        var text = new StringBuilder(ReplyMessages.MessageCapacity);
        text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(" is not an FTP reply code: no RFC defines it");
        var suggestions = Suggestions(value);
        if (suggestions.Count > 0)
        {
            text.Append("; did you mean ");
            for (var i = 0; i < suggestions.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(" or ");
                }

                text.Append(suggestions[i]);
            }

            text.Append('?');
        }

        return text.ToString();
    }

    /// <summary>Defined codes with the same digits in another order first (462: 426), then the nearest ones of the same category.</summary>
    public static List<ReplyCodeInfo> Suggestions(long value)
    {
        var result = new List<ReplyCodeInfo>();
        var digits = value.ToString(CultureInfo.InvariantCulture);
        if (digits.Length == 3)
        {
            foreach (var info in ReplyCatalog.Codes)
            {
                if (info.Code != value && IsPermutation(info.Text, digits))
                {
                    result.Add(info);
                }
            }
        }

        if (result.Count == 0)
        {
            ReplyCodeInfo? best = null;
            foreach (var info in ReplyCatalog.Codes)
            {
                var sameCategory = value / 100 == info.Code / 100;
                if ((sameCategory || value / 100 is < 1 or > 6) && (best is null || Math.Abs(info.Code - value) < Math.Abs(best.Code - value)))
                {
                    best = info;
                }
            }

            if (best is not null)
            {
                result.Add(best);
            }
        }

        return result.Count > 2 ? result.GetRange(0, 2) : result;
    }

    /// <summary>True when the two texts hold the same characters, each as often (asked for every catalog code, so without copies).</summary>
    private static bool IsPermutation(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        foreach (var c in a)
        {
            if (Occurrences(a, c) != Occurrences(b, c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Occurrences(string text, char c)
    {
        var count = 0;
        foreach (var d in text)
        {
            if (d == c)
            {
                count++;
            }
        }

        return count;
    }
}
