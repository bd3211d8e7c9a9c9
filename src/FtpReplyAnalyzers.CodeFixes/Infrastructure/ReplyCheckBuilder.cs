using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FtpReplyAnalyzers.Libraries;
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
    /// <summary>An expression true when <paramref name="reply"/> is in category <paramref name="digit"/>, or null when the reply cannot be read again safely.</summary>
    public static ExpressionSyntax? Category(TypeNamer names, ExpressionSyntax reply, SemanticModel model, int digit, string? library = null)
    {
        if (!IsSafeToReread(reply) || model.GetTypeInfo(reply).Type is not { } type)
        {
            return null;
        }

        var text = TextOf(reply, model);
        var check = FtpLibraries.For(model.Compilation).FirstAnswer(l => l.CategoryTest(text, type, digit, names.Name), library);
        return check is null ? null : Annotate(SyntaxFactory.ParseExpression(check));
    }

    /// <summary>An expression true when the exception caught by <paramref name="catchClause"/> (named <paramref name="exceptionName"/>) carries a reply of category <paramref name="digit"/>.</summary>
    public static ExpressionSyntax? CaughtCategory(TypeNamer names, string exceptionName, CatchClauseSyntax catchClause, SemanticModel model, int digit)
    {
        var caughtType = catchClause.Declaration is { } declaration ? model.GetTypeInfo(declaration.Type).Type : null;
        var tryBody = (catchClause.Parent as TryStatementSyntax)?.Block;
        bool TryUses(ITypeSymbol? type)
            => type is not null && tryBody is not null
               && tryBody.DescendantNodes().OfType<ExpressionSyntax>().Any(e => SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(e).Type, type));

        var check = FtpLibraries.For(model.Compilation).FirstAnswer(l => l.CaughtCategoryTest(caughtType, exceptionName, digit, TryUses, names.Name));
        return check is null ? null : Annotate(SyntaxFactory.ParseExpression(check));
    }

    /// <summary>An expression true when <paramref name="reply"/> is one of <paramref name="codes"/>, written in the reply's own type.</summary>
    public static ExpressionSyntax? OneOf(TypeNamer names, ExpressionSyntax reply, SemanticModel model, IReadOnlyList<int> codes)
    {
        if (codes.Count == 0 || !IsSafeToReread(reply) || model.GetTypeInfo(reply).Type is not { } type)
        {
            return null;
        }

        var libraries = FtpLibraries.For(model.Compilation);
        var text = TextOf(reply, model);
        var tested = text.Text;

        // A reply held as a category or a flag: the set of codes is tested on the code it is read beside.
        foreach (var library in libraries.Present)
        {
            if (library.CodeOf(text, type) is { } code)
            {
                (tested, type) = code;
                break;
            }
        }

        var constants = new List<string>();
        foreach (var code in codes)
        {
            var constant = Constant(libraries, names, type, code);
            if (constant is null)
            {
                return null;
            }

            constants.Add(constant);
        }

        var check = constants.Count == 1 ? $"{tested} == {constants[0]}" : $"{tested} is {string.Join(" or ", constants)}";
        return Annotate(SyntaxFactory.ParseExpression(check));
    }

    /// <summary>The code written as a constant of <paramref name="type"/>: a named member where the library has one.</summary>
    private static string? Constant(FtpLibraries libraries, TypeNamer names, ITypeSymbol type, int code)
        => libraries.FirstAnswer(l => l.CodeConstant(type, code, names.Name));

    /// <summary>The reply as the libraries' fix questions take it: its text, and the member read and its holder.</summary>
    private static ReplyText TextOf(ExpressionSyntax reply, SemanticModel model)
    {
        var text = Parenthesize(reply).WithoutTrivia().ToString();
        return reply is MemberAccessExpressionSyntax access
            ? new ReplyText(text, access.Name.Identifier.ValueText, Parenthesize(access.Expression).WithoutTrivia().ToString(), model.GetTypeInfo(access.Expression).Type)
            : new ReplyText(text, null, null, null);
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
