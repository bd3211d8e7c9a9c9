using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace FtpReplyAnalyzers.CodeFixes.Infrastructure;

/// <summary>How a give-up becomes a bounded retry.</summary>
internal enum RetryShape
{
    /// <summary>Inside a loop: retry by continuing it, with a counter and a delay.</summary>
    InLoop,

    /// <summary>Outside a loop: wrap the operation and its reply handling in a bounded retry loop.</summary>
    Wrap,
}

/// <summary>What the check found for a retry rewrite: the targets, the loop to continue or the statements to wrap, and the 4xx test.</summary>
internal sealed class RetryPlan
{
    internal RetryPlan(SyntaxNode root, SemanticModel model, StatementSyntax giveUp, SyntaxNode replyNode, SyntaxNode function, TypeNamer names,
        ExpressionSyntax? transientTest, CatchClauseSyntax? renamedCatch, StatementSyntax? loop, RetryRewriter.WrapRegion? region)
    {
        Root = root;
        Model = model;
        GiveUp = giveUp;
        ReplyNode = replyNode;
        Function = function;
        Names = names;
        TransientTest = transientTest;
        RenamedCatch = renamedCatch;
        Loop = loop;
        Region = region;
    }

    /// <summary>In a loop the retry continues it; outside one it wraps the operation.</summary>
    public RetryShape Shape => Loop is not null ? RetryShape.InLoop : RetryShape.Wrap;

    internal SyntaxNode Root { get; }

    internal SemanticModel Model { get; }

    internal StatementSyntax GiveUp { get; }

    internal SyntaxNode ReplyNode { get; }

    internal SyntaxNode Function { get; }

    internal TypeNamer Names { get; }

    internal ExpressionSyntax? TransientTest { get; }

    internal CatchClauseSyntax? RenamedCatch { get; }

    internal StatementSyntax? Loop { get; }

    internal RetryRewriter.WrapRegion? Region { get; }
}

/// <summary>
/// Turns a statement that gives up on a transient reply into a bounded retry with exponential backoff,
/// keeping the give-up for when the retries are used up (and for the 5xx replies when the test lumps them in).
/// </summary>
internal static class RetryRewriter
{
    private const string CounterName = "transientRetries";
    private const string AttemptName = "attempt";

    /// <summary>
    /// The check: the rewrite that applies to <paramref name="giveUp"/> and what it needs (the loop to continue, or the
    /// statements to wrap; the 4xx test when the give-up also handles 5xx), or null when no rewrite applies. Every
    /// condition under which the rewrite could not be written is decided here: <see cref="Rewrite(RetryPlan, RetrySettings, CancellationToken)"/>
    /// always writes the retry.
    /// </summary>
    public static RetryPlan? Plan(SyntaxNode root, SemanticModel model, StatementSyntax giveUp, SyntaxNode replyNode, bool split)
    {
        if (!CanHoldStatements(giveUp) || IsInFinally(giveUp) || Function(giveUp) is not { } function)
        {
            return null;
        }

        if (IsInLockWhileAsync(giveUp))
        {
            return null;
        }

        // A reply read in another member (a helper property such as IsSuccess) cannot be tested again here.
        if (replyNode.FirstAncestorOrSelf<MemberDeclarationSyntax>() != giveUp.FirstAncestorOrSelf<MemberDeclarationSyntax>())
        {
            return null;
        }

        var loop = InnermostLoop(giveUp);
        var region = loop is null ? Region(giveUp, replyNode, model) : null;
        if (loop is null && region is null)
        {
            return null;
        }

        // A caught exception without a name needs one for the 4xx test. The test is written here, because writing
        // it is how the reply is known to be re-readable and of a type the test can be written for.
        var names = new TypeNamer(model, giveUp.SpanStart);
        ExpressionSyntax? transientTest = null;
        CatchClauseSyntax? renamedCatch = null;
        if (split)
        {
            transientTest = TransientTest(replyNode, model, names, giveUp, out renamedCatch);
            if (transientTest is null)
            {
                return null;
            }
        }

        return new RetryPlan(root, model, giveUp, replyNode, function, names, transientTest, renamedCatch, loop, region);
    }

    /// <summary>The document root with the rewrite applied, or null when it does not apply.</summary>
    public static SyntaxNode? Rewrite(SyntaxNode root, SemanticModel model, StatementSyntax giveUp, SyntaxNode replyNode, bool split, RetrySettings settings, CancellationToken cancellationToken)
        => Plan(root, model, giveUp, replyNode, split) is { } plan ? Rewrite(plan, settings, cancellationToken) : null;

    /// <summary>The document root with the planned retry written.</summary>
    public static SyntaxNode Rewrite(RetryPlan plan, RetrySettings settings, CancellationToken cancellationToken)
    {
        var (root, model, giveUp, replyNode) = (plan.Root, plan.Model, plan.GiveUp, plan.ReplyNode);
        var names = plan.Names.Copy();
        var eol = EndOfLine(root);
        var isAsync = IsAsync(plan.Function);
        var token = isAsync ? CancellationTokenName(plan.Function, model, cancellationToken) : null;
        var transientTest = plan.TransientTest;
        var renamedCatch = plan.RenamedCatch;

        if (plan.Loop is { } loop)
        {
            var reused = ReusableCounter(loop);
            string counter;
            ExpressionSyntax bound;
            if (reused is { Kind: CounterKind.Attempt } attemptCounter)
            {
                counter = attemptCounter.Name;
                bound = SyntaxFactory.ParseExpression($"{counter} < {settings.MaxRetries}");
            }
            else
            {
                counter = reused?.Name ?? UniqueName(model, loop.SpanStart, CounterName);
                bound = SyntaxFactory.ParseExpression($"{counter}++ < {settings.MaxRetries}");
            }

            var delayExponent = reused is { Kind: CounterKind.Attempt } ? counter : $"{counter} - 1";
            var guard = Guard(eol, transientTest, bound, Delay(names, isAsync, token, settings, delayExponent));
            var tracked = root.TrackNodes(new SyntaxNode[] { giveUp, loop }.Concat(renamedCatch is null ? Enumerable.Empty<SyntaxNode>() : new[] { replyNode }));
            tracked = InsertBefore(tracked, tracked.GetCurrentNode(giveUp)!, guard);
            if (renamedCatch is not null)
            {
                tracked = tracked.ReplaceNode(tracked.GetCurrentNode(replyNode)!, RenameCatch((CatchClauseSyntax)tracked.GetCurrentNode(replyNode)!, renamedCatch));
            }

            if (reused is null)
            {
                var declaration = SyntaxFactory.ParseStatement($"var {counter} = 0;").WithTrailingTrivia(eol).WithAdditionalAnnotations(Formatter.Annotation);
                var currentLoop = tracked.GetCurrentNode(loop)!;
                tracked = tracked.InsertNodesBefore(currentLoop, new[] { declaration.WithLeadingTrivia(currentLoop.GetLeadingTrivia()) });
                currentLoop = tracked.GetCurrentNode(loop)!;
                tracked = tracked.ReplaceNode(currentLoop, currentLoop.WithLeadingTrivia(LeadingWhitespace(currentLoop)));
            }

            return names.AddUsings(tracked);
        }

        // Wrap the statements that issue the command and handle its reply.
        var region = plan.Region!;
        var block = region.Block;
        var attempt = UniqueName(model, region.Statements[0].SpanStart, AttemptName);
        var guardStatement = Guard(eol, transientTest, SyntaxFactory.ParseExpression($"{attempt} < {settings.MaxRetries}"), Delay(names, isAsync, token, settings, attempt));

        var trackedRoot = root.TrackNodes(region.Statements.Cast<SyntaxNode>().Concat(new SyntaxNode[] { giveUp, replyNode, block }));
        trackedRoot = InsertBefore(trackedRoot, trackedRoot.GetCurrentNode(giveUp)!, guardStatement);
        if (renamedCatch is not null)
        {
            trackedRoot = trackedRoot.ReplaceNode(trackedRoot.GetCurrentNode(replyNode)!, RenameCatch((CatchClauseSyntax)trackedRoot.GetCurrentNode(replyNode)!, renamedCatch));
        }

        // The region as it stands now, from its first to its last statement: a guard inserted in it is part of it.
        var firstCurrent = trackedRoot.GetCurrentNode(region.Statements[0])!;
        var lastCurrent = trackedRoot.GetCurrentNode(region.Statements[region.Statements.Count - 1])!;
        var containerStatements = StatementsOf(firstCurrent.Parent!);
        var currentStatements = containerStatements.Skip(containerStatements.IndexOf(firstCurrent))
            .Take(containerStatements.IndexOf(lastCurrent) - containerStatements.IndexOf(firstCurrent) + 1).ToList();
        var body = new List<StatementSyntax>(currentStatements.Select(s => s.WithoutTrivia().WithLeadingTrivia(s.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia))).WithTrailingTrivia(s.GetTrailingTrivia())));
        if (region.EndReachable)
        {
            body.Add(SyntaxFactory.BreakStatement());
        }

        // The first statement's comments stay in front of the loop.
        var first = currentStatements[0];
        body[0] = body[0].WithLeadingTrivia(SyntaxTriviaList.Empty);
        var loopStatement = SyntaxFactory.ForStatement(
                SyntaxFactory.VariableDeclaration(SyntaxFactory.IdentifierName("var"))
                    .AddVariables(SyntaxFactory.VariableDeclarator(attempt).WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0))))),
                default,
                null,
                SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(SyntaxFactory.PostfixUnaryExpression(SyntaxKind.PostIncrementExpression, SyntaxFactory.IdentifierName(attempt))),
                SyntaxFactory.Block(body).WithAdditionalAnnotations(Formatter.Annotation))
            .WithLeadingTrivia(first.GetLeadingTrivia())
            .WithTrailingTrivia(currentStatements[currentStatements.Count - 1].GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);

        var currentBlock = first.Parent!;
        var statements = StatementsOf(currentBlock);
        var startIndex = statements.IndexOf(first);
        var newStatements = statements.Take(startIndex).Concat(new[] { (StatementSyntax)loopStatement }).Concat(statements.Skip(startIndex + currentStatements.Count));
        return names.AddUsings(trackedRoot.ReplaceNode(currentBlock, WithStatements(currentBlock, SyntaxFactory.List(newStatements))));
    }

    private enum CounterKind
    {
        Counter,
        Attempt,
    }

    private sealed class Counter
    {
        public Counter(string name, CounterKind kind)
        {
            Name = name;
            Kind = kind;
        }

        public string Name { get; }

        public CounterKind Kind { get; }
    }

    /// <summary>A counter a previous retry fix wrote for this loop: "var transientRetries = 0;" just before it, or the loop's own "attempt" variable.</summary>
    private static Counter? ReusableCounter(StatementSyntax loop)
    {
        if (loop is ForStatementSyntax { Condition: null, Declaration.Variables.Count: 1 } forLoop
            && forLoop.Declaration.Variables[0].Identifier.ValueText.StartsWith(AttemptName, System.StringComparison.Ordinal)
            && forLoop.Incrementors.Count == 1)
        {
            return new Counter(forLoop.Declaration.Variables[0].Identifier.ValueText, CounterKind.Attempt);
        }

        var statements = loop.Parent is null ? default : StatementsOf(loop.Parent);
        var index = statements.IndexOf(loop);
        if (index > 0 && statements[index - 1] is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } local
            && local.Declaration.Variables[0].Identifier.ValueText.StartsWith(CounterName, System.StringComparison.Ordinal))
        {
            return new Counter(local.Declaration.Variables[0].Identifier.ValueText, CounterKind.Counter);
        }

        return null;
    }

    /// <summary>The line ending the file already uses.</summary>
    private static SyntaxTrivia EndOfLine(SyntaxNode root)
        => root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } found ? found : SyntaxFactory.CarriageReturnLineFeed;

    private static IfStatementSyntax Guard(SyntaxTrivia eol, ExpressionSyntax? transientTest, ExpressionSyntax bound, StatementSyntax delay)
    {
        var condition = transientTest is null
            ? bound
            : SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, transientTest, bound);
        var comment = SyntaxFactory.Comment("// Transient 4xx reply: wait, then try again (bounded, exponential backoff).");
        var body = SyntaxFactory.Block(
            delay.WithLeadingTrivia(comment, eol),
            SyntaxFactory.ContinueStatement());
        return SyntaxFactory.IfStatement(condition, body)
            .WithTrailingTrivia(eol, eol)
            .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
    }

    private static StatementSyntax Delay(TypeNamer names, bool isAsync, string? token, RetrySettings settings, string exponent)
    {
        var delay = $"{names.Name("System.TimeSpan")}.FromMilliseconds({settings.FirstDelayMilliseconds.ToString(CultureInfo.InvariantCulture)} * {names.Name("System.Math")}.Pow(2, {exponent}))";
        var text = isAsync
            ? $"await {names.Name("System.Threading.Tasks.Task")}.Delay({delay}{(token is null ? string.Empty : ", " + token)});"
            : $"{names.Name("System.Threading.Thread")}.Sleep({delay});";
        return SyntaxFactory.ParseStatement(text).WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
    }

    private static ExpressionSyntax? TransientTest(SyntaxNode replyNode, SemanticModel model, TypeNamer names, StatementSyntax giveUp, out CatchClauseSyntax? renamedCatch)
    {
        renamedCatch = null;
        if (replyNode is CatchClauseSyntax catchClause)
        {
            if (catchClause.Declaration is null)
            {
                return null;
            }

            var name = catchClause.Declaration.Identifier.ValueText;
            if (catchClause.Declaration.Identifier.IsKind(SyntaxKind.None) || string.IsNullOrEmpty(name))
            {
                name = UniqueName(model, giveUp.SpanStart, "ex");
                renamedCatch = catchClause.WithDeclaration(catchClause.Declaration.WithIdentifier(SyntaxFactory.Identifier(name)));
            }

            return ReplyCheckBuilder.CaughtCategory(names, name, catchClause, model, 4);
        }

        return replyNode is ExpressionSyntax reply ? ReplyCheckBuilder.Category(names, reply, model, 4) : null;
    }

    private static CatchClauseSyntax RenameCatch(CatchClauseSyntax current, CatchClauseSyntax renamed)
        => current.WithDeclaration(current.Declaration!.WithIdentifier(renamed.Declaration!.Identifier));

    private static SyntaxNode InsertBefore(SyntaxNode root, StatementSyntax giveUp, StatementSyntax guard)
    {
        if (giveUp.Parent is BlockSyntax or SwitchSectionSyntax)
        {
            var indentation = giveUp.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
            return root.InsertNodesBefore(giveUp, new[] { guard.WithLeadingTrivia(indentation) });
        }

        // An embedded statement (if (...) throw ...;) becomes a block.
        var block = SyntaxFactory.Block(guard, giveUp.WithoutLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation);
        return root.ReplaceNode(giveUp, block);
    }

    private static SyntaxTriviaList LeadingWhitespace(SyntaxNode node) => SyntaxFactory.TriviaList(node.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));

    private static bool CanHoldStatements(StatementSyntax statement)
        => statement.Parent is BlockSyntax or SwitchSectionSyntax or IfStatementSyntax or ElseClauseSyntax
            || statement.Parent is WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or DoStatementSyntax;

    private static bool IsInFinally(SyntaxNode node)
    {
        for (var n = node.Parent; n is not null && !IsFunction(n); n = n.Parent)
        {
            if (n is FinallyClauseSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInLockWhileAsync(SyntaxNode node)
    {
        var function = Function(node);
        if (function is null || !IsAsync(function))
        {
            return false;
        }

        for (var n = node.Parent; n is not null && n != function; n = n.Parent)
        {
            if (n is LockStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFunction(SyntaxNode node) => node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax;

    private static SyntaxNode? Function(SyntaxNode node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            if (IsFunction(n))
            {
                return n;
            }
        }

        return null;
    }

    private static bool IsAsync(SyntaxNode function) => function switch
    {
        BaseMethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
        AnonymousFunctionExpressionSyntax lambda => lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        _ => false,
    };

    private static string? CancellationTokenName(SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
    {
        var parameters = function switch
        {
            BaseMethodDeclarationSyntax method => method.ParameterList.Parameters,
            LocalFunctionStatementSyntax local => local.ParameterList.Parameters,
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList.Parameters,
            _ => default,
        };
        foreach (var parameter in parameters)
        {
            if (model.GetDeclaredSymbol(parameter, cancellationToken) is { Type: { } type } symbol && type.ToDisplayString() == "System.Threading.CancellationToken")
            {
                return symbol.Name;
            }
        }

        return null;
    }

    /// <summary>The innermost loop around the statement that a continue would reach (no lambda in between).</summary>
    private static StatementSyntax? InnermostLoop(SyntaxNode node)
    {
        for (var n = node.Parent; n is not null && !IsFunction(n); n = n.Parent)
        {
            switch (n)
            {
                case ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    return (StatementSyntax)n;
                case ForEachStatementSyntax forEach when forEach.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Range" } }:
                    return forEach;
                case ForEachStatementSyntax:
                    return null;
            }
        }

        return null;
    }

    internal sealed class WrapRegion
    {
        public WrapRegion(SyntaxNode block, IReadOnlyList<StatementSyntax> statements, bool endReachable)
        {
            Block = block;
            Statements = statements;
            EndReachable = endReachable;
        }

        public SyntaxNode Block { get; }

        public IReadOnlyList<StatementSyntax> Statements { get; }

        public bool EndReachable { get; }
    }

    /// <summary>
    /// The statements to wrap: from the one that issues the FTP call (the declaration of the reply, or the
    /// try statement) to the one that handles its reply, extended to the end of the block when later
    /// statements use what they declare.
    /// </summary>
    private static WrapRegion? Region(StatementSyntax giveUp, SyntaxNode replyNode, SemanticModel model)
    {
        StatementSyntax? start;
        if (replyNode is CatchClauseSyntax { Parent: TryStatementSyntax tryStatement })
        {
            start = tryStatement;
        }
        else if (replyNode is ExpressionSyntax reply)
        {
            start = IssuingStatement(reply, model);
        }
        else
        {
            return null;
        }

        if (start?.Parent is not (BlockSyntax or SwitchSectionSyntax))
        {
            return null;
        }

        var container = start.Parent;
        StatementSyntax? end = null;
        for (SyntaxNode? n = giveUp; n is not null; n = n.Parent)
        {
            if (n.Parent == container && n is StatementSyntax statement)
            {
                end = statement;
                break;
            }
        }

        if (end is null)
        {
            return null;
        }

        var statements = StatementsOf(container);
        int from = statements.IndexOf(start), to = statements.IndexOf(end);
        if (from < 0 || to < from)
        {
            return null;
        }

        // Later statements that use a local declared in the region come into the loop too.
        var declared = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        for (var i = from; i <= to; i++)
        {
            foreach (var declarator in statements[i].DescendantNodesAndSelf().OfType<VariableDeclaratorSyntax>())
            {
                if (model.GetDeclaredSymbol(declarator) is { } local)
                {
                    declared.Add(local);
                }
            }

            if (statements[i] is LocalFunctionStatementSyntax)
            {
                return null;
            }
        }

        for (var i = statements.Count - 1; i > to; i--)
        {
            if (statements[i].DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => model.GetSymbolInfo(id).Symbol is { } s && declared.Contains(s)))
            {
                to = i;
                break;
            }
        }

        var region = statements.Skip(from).Take(to - from + 1).ToList();

        // break and continue that leave the region would now leave the retry loop instead; goto likewise.
        foreach (var statement in region)
        {
            foreach (var jump in statement.DescendantNodesAndSelf().Where(n => n is BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax or YieldStatementSyntax))
            {
                if (jump is GotoStatementSyntax or YieldStatementSyntax || !IsInsideInnerLoopOrSwitch(jump, statement))
                {
                    return null;
                }
            }
        }

        var flow = model.AnalyzeControlFlow(region[0], region[region.Count - 1]);
        if (flow is null || !flow.Succeeded)
        {
            return null;
        }

        return new WrapRegion(container, region, flow.EndPointIsReachable);
    }

    private static bool IsInsideInnerLoopOrSwitch(SyntaxNode jump, SyntaxNode regionStatement)
    {
        for (var n = jump.Parent; n is not null && n != regionStatement.Parent; n = n.Parent)
        {
            if (n is ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachStatementSyntax || (jump is BreakStatementSyntax && n is SwitchStatementSyntax))
            {
                return true;
            }

            if (IsFunction(n))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The statement that declares the variable the reply was read from (following one local to the next).</summary>
    private static StatementSyntax? IssuingStatement(ExpressionSyntax reply, SemanticModel model)
    {
        StatementSyntax? earliest = null;
        var pending = new Stack<SyntaxNode>();
        pending.Push(reply);
        var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        while (pending.Count > 0 && seen.Count < 8)
        {
            var node = pending.Pop();
            foreach (var id in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (model.GetSymbolInfo(id).Symbol is ILocalSymbol local && seen.Add(local))
                {
                    var declarator = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
                    var statement = declarator?.FirstAncestorOrSelf<StatementSyntax>();
                    if (statement is null || declarator is not VariableDeclaratorSyntax variable)
                    {
                        continue;
                    }

                    if (earliest is null || statement.SpanStart < earliest.SpanStart)
                    {
                        earliest = statement;
                    }

                    if (variable.Initializer is { } initializer)
                    {
                        pending.Push(initializer.Value);
                    }
                }
            }
        }

        return earliest;
    }

    private static SyntaxList<StatementSyntax> StatementsOf(SyntaxNode container) => container switch
    {
        BlockSyntax block => block.Statements,
        SwitchSectionSyntax section => section.Statements,
        _ => default,
    };

    private static SyntaxNode WithStatements(SyntaxNode container, SyntaxList<StatementSyntax> statements) => container switch
    {
        BlockSyntax block => block.WithStatements(statements),
        SwitchSectionSyntax section => section.WithStatements(statements),
        _ => container,
    };

    private static string UniqueName(SemanticModel model, int position, string baseName)
    {
        var name = baseName;
        for (var i = 2; model.LookupSymbols(position, name: name).Length > 0 || DeclaredBelow(model, position, name); i++)
        {
            name = baseName + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static bool DeclaredBelow(SemanticModel model, int position, string name)
    {
        var root = model.SyntaxTree.GetRoot();
        var token = root.FindToken(position);
        var function = Function(token.Parent!) ?? token.Parent;
        return function is not null && function.DescendantNodes().Any(n =>
            (n is VariableDeclaratorSyntax v && v.Identifier.ValueText == name)
            || (n is SingleVariableDesignationSyntax d && d.Identifier.ValueText == name)
            || (n is ParameterSyntax p && p.Identifier.ValueText == name)
            || (n is CatchDeclarationSyntax c && c.Identifier.ValueText == name));
    }
}
