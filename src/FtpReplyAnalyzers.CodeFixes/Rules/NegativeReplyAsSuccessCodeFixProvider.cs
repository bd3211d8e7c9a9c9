using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using FtpReplyAnalyzers.CodeFixes.Infrastructure;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace FtpReplyAnalyzers.CodeFixes.Rules;

/// <summary>
/// FTPR0006 fix: use the FtpStatusCode member the author meant (CommandExtraneous for CommandNotImplemented,
/// ClosingData for ConnectionClosed), or take the negative code out of the success test.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NegativeReplyAsSuccessCodeFixProvider))]
public sealed class NegativeReplyAsSuccessCodeFixProvider : CodeFixProvider
{
    public const string UseIntendedMemberKey = DiagnosticIds.NegativeReplyAsSuccess + ".UseIntendedMember";
    public const string RemoveFromSuccessKey = DiagnosticIds.NegativeReplyAsSuccess + ".RemoveFromSuccess";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NegativeReplyAsSuccess);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    private static readonly FixAllProvider FixAll = new DefaultKeyFixAllProvider(WellKnownFixAllProviders.BatchFixer, static _ => UseIntendedMemberKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(NegativeReplyAsSuccess.ExplicitProperty, out var isExplicit) || isExplicit != "true")
            {
                continue;
            }

            var anchor = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            while (anchor.Parent is not null && anchor.Parent.Span == anchor.Span && anchor is not PatternSyntax)
            {
                anchor = anchor.Parent;
            }

            // The checks: the misleading member is there and named otherwise; the test is a side of an || or an or pattern.
            if (diagnostic.Properties.TryGetValue(NegativeReplyAsSuccess.IntendedMemberProperty, out var intended) && intended is not null)
            {
                var misleading = anchor.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
                    .FirstOrDefault(m => m.Name.Identifier.ValueText is "CommandNotImplemented" or "ConnectionClosed");
                if (misleading is not null && misleading.Name.Identifier.ValueText != intended)
                {
                    context.RegisterCodeFix(
                        FixActions.Create(
                            $"Use FtpStatusCode.{intended}",
                            context.Document,
                            _ => root.ReplaceNode(misleading.Name, SyntaxFactory.IdentifierName(intended).WithTriviaFrom(misleading.Name)),
                            UseIntendedMemberKey),
                        diagnostic);
                }
            }

            if (ConditionEditing.CanRemoveDisjunct(anchor))
            {
                context.RegisterCodeFix(
                    FixActions.Create("Remove the negative reply from the success test", context.Document, _ => ConditionEditing.RemoveDisjunct(root, anchor)!, RemoveFromSuccessKey),
                    diagnostic);
            }
        }
    }
}
