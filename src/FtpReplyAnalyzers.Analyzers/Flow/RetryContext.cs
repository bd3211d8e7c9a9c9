using System;
using System.Collections.Generic;
using System.Linq;
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

    // How many calls of a method's name outside its type are bound to tell whether they call it.
    private const int MaxCallsBoundElsewhere = 16;

    // The calls in the compilation by the name they call, indexed when a try-once question is first asked.
    private readonly Lazy<CallIndex> _calls;

    public RetryContext(FtpLibraries libraries)
    {
        _libraries = libraries;
        _calls = new Lazy<CallIndex>(() => CallIndex.Build(libraries.Compilation), System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
    }

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
            if (OperationHelpers.AnyInTree(statement, (options, statement), static (operation, asked) =>
                    (operation is IInvocationOperation invocation && (IsRetryName(invocation.TargetMethod.Name) || asked.options.IsRetryHelper(invocation.TargetMethod)))
                    || (operation is IBranchOperation { BranchKind: BranchKind.Continue } continueOperation && !IsInNestedLoop(continueOperation, asked.statement))))
            {
                return true;
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

        // Polly and its namespaces: the outermost namespace's name starts the dotted one.
        var outermost = method.ContainingNamespace;
        while (outermost is { ContainingNamespace.IsGlobalNamespace: false })
        {
            outermost = outermost.ContainingNamespace;
        }

        if (outermost is { IsGlobalNamespace: false } && outermost.Name.StartsWith("Polly", StringComparison.Ordinal))
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

    /// <summary>
    /// The method is called, and every call retries it (a retry loop or helper around the call) or passes its failure
    /// up to its own caller (returns the result, or returns or throws when it fails): then what the method gives up
    /// is not the end of the operation. Calls are looked for in the whole compilation.
    /// </summary>
    private bool IsTryOnce(IMethodSymbol method, IOperation site)
    {
        var model = site.SemanticModel;
        if (model is null)
        {
            return false;
        }

        if (_tryOnce.TryGetValue(method, out var known))
        {
            return known;
        }

        var options = _libraries.OptionsFor(site.Syntax.SyntaxTree);
        return _tryOnce.GetOrAdd(method, m => ComputeTryOnce(m, model, options));
    }

    private bool ComputeTryOnce(IMethodSymbol method, SemanticModel model, FtpOptions options)
    {
        var names = _calls.Value.CallsOf(method.Name);
        var calls = 0;
        var onlyMemberOfItsName = IsOnlyMemberOfItsName(method);
        var elsewhere = 0;
        // Asked of every call found: the type's declarations are made anew by each read of the property.
        var declarations = method.ContainingType?.DeclaringSyntaxReferences;
        foreach (var name in names)
        {
            if (declarations is { } declared && !IsInside(name, declared))
            {
                // Outside its type, a private method is never called, and a bare name is another type's member; a call
                // on an instance (client.Download()) must be bound to be told apart from the many methods of that
                // name. Past a few such calls the answer costs more than it is worth: the callers are not known.
                if (method.DeclaredAccessibility == Accessibility.Private || IsAloneOrOnThis(name))
                {
                    continue;
                }

                if (++elsewhere > MaxCallsBoundElsewhere)
                {
                    return false;
                }
            }

            var nameModel = name.SyntaxTree == model.SyntaxTree ? model : _libraries.ModelOf(name.SyntaxTree);
            if (!RefersTo(name, method, onlyMemberOfItsName && declarations is not null, declarations.GetValueOrDefault(), nameModel))
            {
                continue;
            }

            calls++;
            if (!IsRetryingCallSite(name, nameModel, options) && !PassesFailureUp(name))
            {
                return false;
            }
        }

        return calls > 0;
    }

    /// <summary>
    /// The call's failure reaches the caller's caller: <c>return M();</c>, <c>=&gt; M()</c>, <c>ok = M(); ... return ok;</c> (or a
    /// value chosen by it),
    /// <c>if (!M()) return false;</c> or <c>throw</c>.
    /// </summary>
    private static bool PassesFailureUp(SimpleNameSyntax name)
    {
        SyntaxNode node = name.Parent is MemberAccessExpressionSyntax or MemberBindingExpressionSyntax ? name.Parent : name;
        if (node.Parent is not InvocationExpressionSyntax call)
        {
            return false;
        }

        node = call;
        while (node.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax or ConditionalAccessExpressionSyntax
               || (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } && node.Parent.Parent is InvocationExpressionSyntax))
        {
            node = node.Parent is MemberAccessExpressionSyntax ? node.Parent.Parent! : node.Parent;
        }

        switch (node.Parent)
        {
            case ReturnStatementSyntax:
            case ArrowExpressionClauseSyntax:
                return true;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax variable }:
                return ReturnsVariable(node, variable.Identifier.ValueText);
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Right == node:
                return ReturnsVariable(node, target.Identifier.ValueText);
            case PrefixUnaryExpressionSyntax { Parent: IfStatementSyntax negated } when negated.Condition == node.Parent:
                return GivesUp(negated.Statement);
            case IfStatementSyntax test when test.Condition == node:
                return test.Else is { } elseClause && GivesUp(elseClause.Statement);
            default:
                return false;
        }
    }

    private static bool ReturnsVariable(SyntaxNode call, string variable)
    {
        var body = call.FirstAncestorOrSelf<SyntaxNode>(static n => n is MemberDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
        if (body is null)
        {
            return false;
        }

        foreach (var node in body.DescendantNodes())
        {
            // return ok; return ok ? data : null;
            if (node is ReturnStatementSyntax { Expression: { } returned }
                && returned.DescendantNodesAndSelf().Any(n => n is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == variable))
            {
                return true;
            }
        }

        return false;
    }

    private static bool GivesUp(StatementSyntax statement) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax => true,
        BlockSyntax block => block.Statements.Any(static s => s is ReturnStatementSyntax or ThrowStatementSyntax),
        _ => false,
    };

    /// <summary>
    /// True when <paramref name="name"/> names <paramref name="method"/>. Asking the semantic model binds the whole
    /// member the name is in; when the method is the only member of its name in its type and base types, and nothing
    /// in the member around the name declares that name (a local, a parameter, a local function), a name read alone
    /// or on <c>this</c> can only be the method, and the syntax says so (measured: the model's answer was most of the
    /// cost of FTPR0001 on code dense in retry shapes).
    /// </summary>
    private static bool RefersTo(SimpleNameSyntax name, IMethodSymbol method, bool onlyMemberOfItsName, System.Collections.Immutable.ImmutableArray<SyntaxReference> declarations, SemanticModel model)
    {
        if (onlyMemberOfItsName && IsAloneOrOnThis(name) && IsInside(name, declarations) && !IsInNameof(name) && !IsDeclaredAround(name))
        {
            return true;
        }

        return model.GetSymbolInfo(name).Symbol is IMethodSymbol target && SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method.OriginalDefinition);
    }

    private static bool IsInside(SyntaxNode name, System.Collections.Immutable.ImmutableArray<SyntaxReference> declarations)
    {
        foreach (var reference in declarations)
        {
            if (reference.SyntaxTree == name.SyntaxTree && reference.Span.Contains(name.Span))
            {
                return true;
            }
        }

        return false;
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
