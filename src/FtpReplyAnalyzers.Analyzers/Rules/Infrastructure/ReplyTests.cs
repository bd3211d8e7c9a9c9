using FtpReplyAnalyzers.Flow;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Rules;

/// <summary>Where in a reply test a diagnostic belongs.</summary>
internal static class ReplyTests
{
    /// <summary>A test that names at most this many defined codes picks them out on purpose.</summary>
    private const int ExplicitLimit = 4;

    /// <summary>
    /// True when the codes that surely reach a point were picked out on purpose (<c>code == 212</c>,
    /// <c>Type == PositiveCompletion</c>), not left over by a test that names other codes (<c>code != 226</c>).
    /// </summary>
    public static bool IsExplicit(FtpReplyAnalyzers.Catalog.ReplyCodeSet must, FtpReplyAnalyzers.Catalog.ReplyCodeSet category)
        => must.DefinedCount() <= ExplicitLimit || category.IsSupersetOf(must);

    /// <summary>The part of a test that picks the code out: one side of an ||, one label of a switch section (the test's operations found from <paramref name="near"/>).</summary>
    public static SyntaxNode? Narrow(SyntaxNode? anchor, int code, ConditionEvaluator evaluator, IOperation near)
    {
        for (var i = 0; i < 8 && anchor is not null; i++)
        {
            switch (anchor)
            {
                case Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalOrExpression):
                    var left = evaluator.Evaluate(OperationHelpers.Find(near, binary.Left));
                    var right = evaluator.Evaluate(OperationHelpers.Find(near, binary.Right));
                    if (left.Must.Contains(code) && !right.May.Contains(code))
                    {
                        anchor = binary.Left;
                        continue;
                    }

                    if (right.Must.Contains(code) && !left.May.Contains(code))
                    {
                        anchor = binary.Right;
                        continue;
                    }

                    return anchor;
                case Microsoft.CodeAnalysis.CSharp.Syntax.BinaryPatternSyntax orPattern when orPattern.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.OrPattern):
                    if (PatternNames(orPattern.Left, code, near))
                    {
                        anchor = orPattern.Left;
                        continue;
                    }

                    if (PatternNames(orPattern.Right, code, near))
                    {
                        anchor = orPattern.Right;
                        continue;
                    }

                    return anchor;
                case Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedExpressionSyntax parenthesized:
                    anchor = parenthesized.Expression;
                    continue;
                case Microsoft.CodeAnalysis.CSharp.Syntax.SwitchSectionSyntax section:
                    foreach (var label in section.Labels)
                    {
                        if (OperationHelpers.Find(near, label) is ICaseClauseOperation clause && ClauseSelects(clause, code))
                        {
                            return label;
                        }
                    }

                    return anchor;
                default:
                    return anchor;
            }
        }

        return anchor;
    }

    private static bool ClauseSelects(ICaseClauseOperation clause, int code) => clause switch
    {
        ISingleValueCaseClauseOperation single => ConditionEvaluator.ConstantCode(single.Value, ReplyValueKind.StatusCode) == code,
        IPatternCaseClauseOperation { Pattern: IConstantPatternOperation constant } => ConditionEvaluator.ConstantCode(constant.Value, ReplyValueKind.StatusCode) == code,
        _ => false,
    };

    /// <summary>True when the pattern is, or contains among its or-alternatives, the constant <paramref name="code"/>.</summary>
    private static bool PatternNames(Microsoft.CodeAnalysis.CSharp.Syntax.PatternSyntax pattern, int code, IOperation near) => pattern switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.ConstantPatternSyntax constant => OperationHelpers.Find(near, constant) is IConstantPatternOperation operation
            && ConditionEvaluator.ConstantCode(operation.Value, ReplyValueKind.StatusCode) == code,
        Microsoft.CodeAnalysis.CSharp.Syntax.BinaryPatternSyntax binary when binary.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.OrPattern)
            => PatternNames(binary.Left, code, near) || PatternNames(binary.Right, code, near),
        Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedPatternSyntax parenthesized => PatternNames(parenthesized.Pattern, code, near),
        _ => false,
    };

    /// <summary>True when the enclosing method's name contains one of <paramref name="words"/> (IsFailed, ShouldRetry): its true is no success.</summary>
    public static bool MethodNameMentions(IOperation site, ReplyBlock block, string[] words)
    {
        if (block.Recognizer.Symbols.Of(site) is not IMethodSymbol method)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (HandWrittenClients.NameMentions(method.Name, word))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] QuestionPrefixes = { "Is", "Has", "Can", "Contains", "Exists", "Should", "Supports", "Does", "Needs", "Was", "Are", "Allows" };
    private static readonly string[] ProbePrefixes = { "Test", "Check", "Probe", "Ping", "Verify" };
    private static readonly string[] SuccessWords = { "Ok", "Success", "Succeed", "Valid", "Complete", "Done", "Good", "Accept", "Positive", "Error", "Fail" };

    /// <summary>
    /// True inside a method named as a question about something other than success (IsDirectory, FileExists,
    /// ConnectionIsValid()), or as a probe whose answer is whether the attempt worked (TestConnection()).
    /// </summary>
    public static bool AnswersAQuestion(IOperation site, ReplyBlock block)
    {
        // A lambda answers for the method it is written in (return await Task.Run(() => { ... return false; })).
        var symbol = block.Recognizer.Symbols.Of(site);
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        if (symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method)
        {
            return false;
        }

        // IsValidReply(code), IsOk(reply): a question about the reply it is given is a success test. Without
        // parameters the question is about the connection or the server (ConnectionIsValid()), answered by trying.
        var name = method.Name;
        if (method.Parameters.Length > 0)
        {
            foreach (var word in SuccessWords)
            {
                if (HandWrittenClients.NameMentions(name, word))
                {
                    return false;
                }
            }
        }

        foreach (var prefix in QuestionPrefixes)
        {
            if (HasWord(name, prefix))
            {
                return true;
            }
        }

        // TestConnection(), CheckFtpSslSupportAsync(host): a probe, whose answer is whether the attempt worked. Not a
        // check of a reply it is given (CheckReply(code), VerifyStatus(response)): that is a success test.
        foreach (var prefix in ProbePrefixes)
        {
            if (name.StartsWith(prefix, System.StringComparison.Ordinal) && HasWord(name, prefix) && !NamesAReply(name) && !NamesWork(name))
            {
                return true;
            }
        }

        // test(), Ping(): a method that is the probe itself (Check(reply) checks what it is given).
        return name.EndsWith("Exists", System.StringComparison.Ordinal) || name.EndsWith("ExistsAsync", System.StringComparison.Ordinal)
               || name.Equals("Test", System.StringComparison.OrdinalIgnoreCase) || name.Equals("Probe", System.StringComparison.OrdinalIgnoreCase)
               || name.Equals("Ping", System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>At the start or at a word of the name: IsDirectory, ConnectionIsValid.</summary>
    private static bool HasWord(string name, string word)
    {
        for (var at = name.IndexOf(word, System.StringComparison.Ordinal); at >= 0; at = name.IndexOf(word, at + 1, System.StringComparison.Ordinal))
        {
            if ((at == 0 || char.IsLower(name[at - 1])) && name.Length > at + word.Length && char.IsUpper(name[at + word.Length]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CheckAndDeleteFile, VerifyUpload: a method that does the work as well as checking; its false is a failure.</summary>
    private static bool NamesWork(string name)
    {
        if (name.EndsWith("Async", System.StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Async".Length);
        }

        if (HasWord(name, "And"))
        {
            return true;
        }

        foreach (var verb in WorkWords)
        {
            if (HandWrittenClients.NameMentions(name, verb))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] WorkWords = { "Upload", "Download", "Delete", "Remove", "Create", "Rename", "Move", "Copy", "Send", "Store", "Transfer", "Sync", "Put", "Write" };

    private static bool NamesAReply(string name)
        => HandWrittenClients.IsReplyHolderName(name) || HandWrittenClients.NameMentions(name, "Code") || HandWrittenClients.NameMentions(name, "Status")
           || HandWrittenClients.NameMentions(name, "Result");
}
