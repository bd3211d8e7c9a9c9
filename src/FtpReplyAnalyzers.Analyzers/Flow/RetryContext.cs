using System;
using FtpReplyAnalyzers.Libraries;
using FtpReplyAnalyzers.Operations;
using FtpReplyAnalyzers.Recognition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FtpReplyAnalyzers.Flow;

/// <summary>
/// Decides whether something retries the operation that a point of the code ends: a retry helper or
/// policy around it, or callers that all sit in retry loops (the try-once pattern).
/// </summary>
internal sealed class RetryContext
{
    private readonly FtpLibraries _libraries;

    // Whether every call of a method sits in a retry loop or helper, found once per method for the compilation.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, bool> _tryOnce = new(SymbolEqualityComparer.Default);

    public RetryContext(FtpLibraries libraries) => _libraries = libraries;

    /// <summary>True when a retry helper, a retry policy or every caller retries what <paramref name="site"/> gives up.</summary>
    public bool IsRetried(IOperation site, ReplyBlock block)
    {
        // By kind: most ancestors are neither, and a kind is cheaper to ask than an interface.
        for (var parent = site.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent.Kind)
            {
                case OperationKind.AnonymousFunction:
                    return IsPassedToRetryHelper((IAnonymousFunctionOperation)parent, _libraries.OptionsFor(site.Syntax.SyntaxTree));
                case OperationKind.LocalFunction:
                    return IsTryOnce(((ILocalFunctionOperation)parent).Symbol, site);
            }
        }

        return block.Recognizer.Symbols.MemberOf(site) is IMethodSymbol method && IsTryOnce(method, site);
    }

    /// <summary>
    /// True when the branch before <paramref name="site"/> retries first: it calls a retry helper (Retry(),
    /// ScheduleRetry(), ...) or may continue the loop (a bounded retry that gives up once its attempts are used).
    /// </summary>
    public bool CallsRetryBefore(IOperation site)
    {
        var options = _libraries.OptionsFor(site.Syntax.SyntaxTree);
        foreach (var statement in OperationHelpers.StatementsBefore(site))
        {
            foreach (var operation in statement.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && (IsRetryName(invocation.TargetMethod.Name) || options.IsRetryHelper(invocation.TargetMethod)))
                {
                    return true;
                }

                if (operation is IBranchOperation { BranchKind: BranchKind.Continue } continueOperation && !IsInNestedLoop(continueOperation, statement))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when the reply was last read inside a loop that ends before <paramref name="site"/>:
    /// <c>do { reply = Send(); } while (reply.Code.StartsWith("4") &amp;&amp; ++tries &lt; 3);</c> then a give-up is the last attempt's.
    /// </summary>
    public static bool CameOutOfRetryLoop(ReplyExpression reply, IOperation site, ReplyBlock block)
    {
        var root = reply.RootSymbol;
        if (root is not ILocalSymbol local)
        {
            return false;
        }

        var body = OperationHelpers.FunctionBody(site);
        foreach (var operation in block.Commands.CommandsOf(body).Writes)
        {
            if (operation is ISimpleAssignmentOperation assignment
                && OperationHelpers.StripConversions(assignment.Target) is ILocalReferenceOperation target
                && SymbolEqualityComparer.Default.Equals(target.Local, local)
                && assignment.Syntax.FullSpan.Start < site.Syntax.SpanStart)
            {
                for (var parent = assignment.Parent; parent is not null && parent != body; parent = parent.Parent)
                {
                    if (parent is ILoopOperation loop && IsRetryLoop(loop) && !loop.Syntax.Span.Contains(site.Syntax.Span))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsInNestedLoop(IOperation operation, IOperation container)
    {
        for (var parent = operation.Parent; parent is not null && parent != container; parent = parent.Parent)
        {
            if (parent is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return container is ILoopOperation;
    }

    /// <summary>for, while and do loops, and foreach over a range of attempts, re-issue what they hold.</summary>
    public static bool IsRetryLoop(ILoopOperation loop)
    {
        if (loop is IForEachLoopOperation forEach)
        {
            return OperationHelpers.StripConversions(forEach.Collection) is IInvocationOperation { TargetMethod.Name: "Range" };
        }

        return true;
    }

    /// <summary>Polly's policies and pipelines, and any method named for retrying.</summary>
    public static bool IsRetryHelper(IMethodSymbol method)
    {
        if (IsRetryName(method.Name) || IsRetryName(method.ContainingType?.Name ?? string.Empty))
        {
            return true;
        }

        var ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns.StartsWith("Polly", StringComparison.Ordinal))
        {
            return true;
        }

        var typeName = method.ContainingType?.Name ?? string.Empty;
        return method.Name.StartsWith("Execute", StringComparison.Ordinal)
               && (typeName.EndsWith("Policy", StringComparison.Ordinal) || typeName.EndsWith("Pipeline", StringComparison.Ordinal) || typeName.IndexOf("Resilience", StringComparison.Ordinal) >= 0);
    }

    private static bool IsRetryName(string name) => name.IndexOf("Retry", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("Retries", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool IsPassedToRetryHelper(IAnonymousFunctionOperation lambda, FtpOptions options)
    {
        for (var parent = lambda.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IDelegateCreationOperation:
                case IConversionOperation:
                case IArgumentOperation:
                    continue;
                case IInvocationOperation invocation:
                    return IsRetryHelper(invocation.TargetMethod) || options.IsRetryHelper(invocation.TargetMethod);
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Every call of <paramref name="method"/> in its file sits in a retry loop or retry helper, and there is at least one.</summary>
    private bool IsTryOnce(IMethodSymbol method, IOperation site)
    {
        var model = site.SemanticModel;
        if (model is null)
        {
            return false;
        }

        var options = _libraries.OptionsFor(site.Syntax.SyntaxTree);
        return _tryOnce.GetOrAdd(method, m => ComputeTryOnce(m, model, options));
    }

    /// <summary>
    /// Every call of the method within its type (in this file) sits in a retry loop or helper. Only the type's
    /// own text is searched for the method's name: the try-once helper is a private method of the class that
    /// retries it.
    /// </summary>
    private static bool ComputeTryOnce(IMethodSymbol method, SemanticModel model, FtpOptions options)
    {
        var calls = 0;
        var type = method.ContainingType;
        if (type is null)
        {
            return false;
        }

        var text = model.SyntaxTree.GetText();
        var root = model.SyntaxTree.GetRoot();
        var onlyMemberOfItsName = IsOnlyMemberOfItsName(method);
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            // Find the name in the type's text first: most methods are never named again, and then nothing is walked.
            var span = reference.Span;
            var typeText = text.ToString(span);
            var name = method.Name;
            for (var at = typeText.IndexOf(name, StringComparison.Ordinal); at >= 0; at = typeText.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var token = root.FindToken(span.Start + at);
                if (token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken) && token.ValueText == method.Name && token.SpanStart == span.Start + at
                    && token.Parent is SimpleNameSyntax simpleName && simpleName.Parent is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax)
                    && RefersTo(simpleName, method, onlyMemberOfItsName, model))
                {
                    calls++;
                    if (!IsRetryingCallSite(simpleName, model, options))
                    {
                        return false;
                    }
                }
            }
        }

        return calls > 0;
    }

    /// <summary>
    /// True when <paramref name="name"/> names <paramref name="method"/>. Asking the semantic model binds the whole
    /// member the name is in; when the method is the only member of its name in its type and base types, and nothing
    /// in the member around the name declares that name (a local, a parameter, a local function), a name read alone
    /// or on <c>this</c> can only be the method, and the syntax says so (measured: the model's answer was most of the
    /// cost of FTPR0001 on code dense in retry shapes).
    /// </summary>
    private static bool RefersTo(SimpleNameSyntax name, IMethodSymbol method, bool onlyMemberOfItsName, SemanticModel model)
    {
        if (onlyMemberOfItsName && IsAloneOrOnThis(name) && !IsInNameof(name) && !IsDeclaredAround(name))
        {
            return true;
        }

        return model.GetSymbolInfo(name).Symbol is IMethodSymbol target && SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method.OriginalDefinition);
    }

    private static bool IsOnlyMemberOfItsName(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.ContainingType is not { } type || type.GetMembers(method.Name).Length != 1)
        {
            return false;
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (!baseType.GetMembers(method.Name).IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAloneOrOnThis(SimpleNameSyntax name)
        => name.Parent is not MemberAccessExpressionSyntax access || (access.Name == name && access.Expression is ThisExpressionSyntax);

    private static bool IsInNameof(SyntaxNode name)
    {
        for (var node = name.Parent; node is not null and not MemberDeclarationSyntax; node = node.Parent)
        {
            if (node is InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeclaredAround(SimpleNameSyntax name)
    {
        var member = name.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (member is null)
        {
            return true;
        }

        var text = name.Identifier.ValueText;
        foreach (var node in member.DescendantNodes())
        {
            var declared = node switch
            {
                VariableDeclaratorSyntax variable => variable.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                LocalFunctionStatementSyntax localFunction => localFunction.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ForEachStatementSyntax forEach => forEach.Identifier,
                _ => default,
            };
            if (declared.ValueText == text)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRetryingCallSite(SyntaxNode call, SemanticModel model, FtpOptions options)
    {
        for (var node = call.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case ForStatementSyntax:
                case WhileStatementSyntax:
                case DoStatementSyntax:
                    return true;
                case ForEachStatementSyntax forEach:
                    if (forEach.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Range" } })
                    {
                        return true;
                    }

                    break;
                case ArgumentSyntax argument when argument.Parent?.Parent is InvocationExpressionSyntax helperCall:
                    if (model.GetSymbolInfo(helperCall).Symbol is IMethodSymbol helper && (IsRetryHelper(helper) || options.IsRetryHelper(helper)))
                    {
                        return true;
                    }

                    break;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
