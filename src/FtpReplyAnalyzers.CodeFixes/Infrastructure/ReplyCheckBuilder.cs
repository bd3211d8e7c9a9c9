using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Writes reply tests as code: "is this reply in category N" and "is it one of these codes", for each way a
/// reply is held (FtpStatusCode, a number, a string, FluentFTP's FtpReply and FtpResponseType, a caught exception).
/// </summary>
internal static class ReplyCheckBuilder
{
    private static readonly string[] CategoryMembers = { "None", "PositivePreliminary", "PositiveCompletion", "PositiveIntermediate", "TransientNegativeCompletion", "PermanentNegativeCompletion" };

    /// <summary>An expression true when <paramref name="reply"/> is in category <paramref name="digit"/>, or null when the reply cannot be read again safely.</summary>
    public static ExpressionSyntax? Category(TypeNamer names, ExpressionSyntax reply, SemanticModel model, int digit)
    {
        if (!IsSafeToReread(reply))
        {
            return null;
        }

        var type = model.GetTypeInfo(reply).Type;
        var text = Parenthesize(reply).WithoutTrivia().ToString();
        string? check = null;
        if (type is null)
        {
            return null;
        }

        if (type.ToDisplayString() == "System.Net.FtpStatusCode")
        {
            check = $"(int){text} / 100 == {digit}";
        }
        else if (type.ToDisplayString() == "FluentFTP.FtpResponseType" && digit < CategoryMembers.Length)
        {
            check = $"{text} == {names.Name("FluentFTP.FtpResponseType")}.{CategoryMembers[digit]}";
        }
        else if (type.SpecialType == SpecialType.System_Boolean && reply is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Success" } success
                 && digit < CategoryMembers.Length)
        {
            check = $"{Parenthesize(success.Expression).WithoutTrivia()}.Type == {names.Name("FluentFTP.FtpResponseType")}.{CategoryMembers[digit]}";
        }
        else if (type.SpecialType == SpecialType.System_String)
        {
            if (reply is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Code" } code
                && model.GetTypeInfo(code.Expression).Type?.ToDisplayString() == "FluentFTP.FtpReply" && digit < CategoryMembers.Length)
            {
                check = $"{Parenthesize(code.Expression).WithoutTrivia()}.Type == {names.Name("FluentFTP.FtpResponseType")}.{CategoryMembers[digit]}";
            }
            else
            {
                check = $"{text}.StartsWith(\"{digit}\", {names.Name("System.StringComparison")}.Ordinal)";
            }
        }
        else if (type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Int64)
        {
            check = $"{text} / 100 == {digit}";
        }

        return check is null ? null : Annotate(SyntaxFactory.ParseExpression(check));
    }

    /// <summary>An expression true when a caught exception carries a reply of category <paramref name="digit"/>.</summary>
    public static ExpressionSyntax? CaughtCategory(TypeNamer names, string exceptionName, ITypeSymbol? caughtType, bool webRequest, int digit)
    {
        if (digit >= CategoryMembers.Length)
        {
            return null;
        }

        var low = digit * 100;
        var high = low + 100;
        var webPattern = $"{{ StatusCode: >= ({names.Name("System.Net.FtpStatusCode")}){low} and < ({names.Name("System.Net.FtpStatusCode")}){high} }}";
        var caught = caughtType?.ToDisplayString();
        string check;
        if (caught == "System.Net.WebException")
        {
            check = $"{exceptionName}.Response is {names.Name("System.Net.FtpWebResponse")} {webPattern}";
        }
        else if (caughtType is not null && caughtType.Name == "FtpCommandException")
        {
            check = $"{exceptionName}.ResponseType == {names.Name("FluentFTP.FtpResponseType")}.{CategoryMembers[digit]}";
        }
        else if (caughtType is not null && caughtType.Name == "FtpException")
        {
            check = $"{exceptionName} is {names.Name(caughtType.ContainingNamespace.ToDisplayString() + ".FtpCommandException")} {{ ResponseType: {names.Name("FluentFTP.FtpResponseType")}.{CategoryMembers[digit]} }}";
        }
        else if (webRequest)
        {
            check = $"{exceptionName} is {names.Name("System.Net.WebException")} {{ Response: {names.Name("System.Net.FtpWebResponse")} {webPattern} }}";
        }
        else
        {
            return null;
        }

        return Annotate(SyntaxFactory.ParseExpression(check));
    }

    /// <summary>An expression true when <paramref name="reply"/> is one of <paramref name="codes"/>, written in the reply's own type.</summary>
    public static ExpressionSyntax? OneOf(TypeNamer names, ExpressionSyntax reply, SemanticModel model, IReadOnlyList<int> codes)
    {
        if (codes.Count == 0 || !IsSafeToReread(reply))
        {
            return null;
        }

        var type = model.GetTypeInfo(reply).Type;
        if (type is null)
        {
            return null;
        }

        // reply.Type or reply.Success of a FluentFTP reply: a set of codes is tested on reply.Code.
        if (reply is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Type" or "Success" } access
            && model.GetTypeInfo(access.Expression).Type?.ToDisplayString() == "FluentFTP.FtpReply")
        {
            reply = access.WithName(SyntaxFactory.IdentifierName("Code"));
            type = model.Compilation.GetSpecialType(SpecialType.System_String);
        }

        var constants = new List<string>();
        foreach (var code in codes)
        {
            var constant = Constant(names, type, code);
            if (constant is null)
            {
                return null;
            }

            constants.Add(constant);
        }

        var text = Parenthesize(reply).WithoutTrivia().ToString();
        var check = constants.Count == 1 ? $"{text} == {constants[0]}" : $"{text} is {string.Join(" or ", constants)}";
        return Annotate(SyntaxFactory.ParseExpression(check));
    }

    /// <summary>The code written as a constant of <paramref name="type"/>: a named FtpStatusCode member where one exists.</summary>
    public static string? Constant(TypeNamer names, ITypeSymbol type, int code)
    {
        if (type.ToDisplayString() == "System.Net.FtpStatusCode")
        {
            foreach (var member in type.GetMembers().OfType<IFieldSymbol>())
            {
                if (member.HasConstantValue && System.Convert.ToInt32(member.ConstantValue, CultureInfo.InvariantCulture) == code)
                {
                    return names.Name("System.Net.FtpStatusCode") + "." + member.Name;
                }
            }

            return "(" + names.Name("System.Net.FtpStatusCode") + ")" + code.ToString(CultureInfo.InvariantCulture);
        }

        return type.SpecialType switch
        {
            SpecialType.System_String => "\"" + code.ToString(CultureInfo.InvariantCulture) + "\"",
            SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Int64 => code.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>The logical negation, written the way a person would (!=, is not, !(...)).</summary>
    public static ExpressionSyntax Negate(ExpressionSyntax condition)
    {
        switch (condition)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression):
                return SyntaxFactory.BinaryExpression(SyntaxKind.NotEqualsExpression, binary.Left, SyntaxFactory.Token(SyntaxKind.ExclamationEqualsToken).WithTriviaFrom(binary.OperatorToken), binary.Right).WithTriviaFrom(binary);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.NotEqualsExpression):
                return SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, binary.Left, SyntaxFactory.Token(SyntaxKind.EqualsEqualsToken).WithTriviaFrom(binary.OperatorToken), binary.Right).WithTriviaFrom(binary);
            case IsPatternExpressionSyntax isPattern:
                return isPattern.WithPattern(SyntaxFactory.UnaryPattern(SyntaxFactory.ParenthesizedPattern(isPattern.Pattern)));
            default:
                return SyntaxFactory.PrefixUnaryExpression(SyntaxKind.LogicalNotExpression, Parenthesize(condition));
        }
    }

    /// <summary>
    /// A test put in place of <paramref name="original"/>, in parentheses only where the operators around it bind
    /// tighter than its own (under ! or a comparison, not under &amp;&amp; or ||).
    /// </summary>
    public static ExpressionSyntax InPlaceOf(ExpressionSyntax original, ExpressionSyntax replacement)
    {
        var needs = replacement is BinaryExpressionSyntax or IsPatternExpressionSyntax
                    && (original.Parent is PrefixUnaryExpressionSyntax
                        || original.Parent is BinaryExpressionSyntax parent && !parent.IsKind(SyntaxKind.LogicalAndExpression) && !parent.IsKind(SyntaxKind.LogicalOrExpression));
        return (needs ? SyntaxFactory.ParenthesizedExpression(replacement) : replacement).WithTriviaFrom(original);
    }

    public static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax
            or ElementAccessExpressionSyntax or LiteralExpressionSyntax
            ? expression
            : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());

    public static T Annotate<T>(T node) where T : SyntaxNode => node.WithAdditionalAnnotations(Simplifier.Annotation, Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);

    /// <summary>Reading the expression again must not send a command again: names, member reads, casts, int.Parse of those.</summary>
    public static bool IsSafeToReread(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case IdentifierNameSyntax:
            case ThisExpressionSyntax:
            case LiteralExpressionSyntax:
                return true;
            case MemberAccessExpressionSyntax member:
                return IsSafeToReread(member.Expression);
            case ParenthesizedExpressionSyntax parenthesized:
                return IsSafeToReread(parenthesized.Expression);
            case CastExpressionSyntax cast:
                return IsSafeToReread(cast.Expression);
            case ElementAccessExpressionSyntax element:
                return IsSafeToReread(element.Expression) && element.ArgumentList.Arguments.All(a => IsSafeToReread(a.Expression) || a.Expression is RangeExpressionSyntax);
            case InvocationExpressionSyntax invocation
                when invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Parse" or "Substring" or "ToInt32" or "Trim" } access:
                return IsSafeToReread(access.Expression) && invocation.ArgumentList.Arguments.All(a => IsSafeToReread(a.Expression));
            case PredefinedTypeSyntax:
                return true;
            default:
                return false;
        }
    }
}
