using System.Collections.Generic;
using System.Collections.Immutable;
using FtpReplyAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FtpReplyAnalyzers;

/// <summary>
/// The package's one analyzer. At compilation start it resolves the FTP libraries the compilation uses and registers
/// nothing when it speaks no FTP; then, for each code block of a file that may hold FTP code, it finds the block's
/// facts once (<see cref="Flow.ReplyBlock"/>) and hands them to every rule that is on for the file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FtpReplyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Every rule, in id order.</summary>
    internal static readonly ImmutableArray<Rule> Rules = ImmutableArray.Create<Rule>(
        new TransientReplyGivenUp(),
        new PositiveCompletionAsError(),
        new PermanentReplyRetried(),
        new PreliminaryReplyAsFinal(),
        new IntermediateReplyAsError(),
        new NegativeReplyAsSuccess(),
        new UnknownReplyCode(),
        new ReplyCodeAsNumber());

    /// <summary>The rules' descriptors in id order, then FTPR0009, the option check.</summary>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DescriptorsOf(Rules).Add(RuleDescriptors.InvalidOption);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is skipped per block, from the context's IsGeneratedCode (known from the file and the
        // symbol). Left to the driver (GeneratedCodeAnalysisFlags.None), every reported diagnostic would make it scan
        // the whole file's tokens for a GeneratedCode attribute.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var ftp = FtpAnalysisContext.TryCreate(start.Compilation, start.Options);
            if (ftp is null)
            {
                return;
            }

            // FTPR0009: the options the package cannot use, once per compilation.
            if (!RuleSwitch.IsOffEverywhere(RuleDescriptors.InvalidOption, start.Compilation.Options))
            {
                var descriptors = SupportedDiagnostics;
                start.RegisterCompilationEndAction(end => OptionCheck.Report(end, descriptors));
            }

            var active = new List<Rule>();
            foreach (var rule in Rules)
            {
                if (rule.IsActive(ftp) && !RuleSwitch.IsOffEverywhere(rule.Descriptor, start.Compilation.Options))
                {
                    active.Add(rule);
                }
            }

            if (active.Count == 0)
            {
                return;
            }

            var rules = new RuleSwitch(active.ToArray(), start.Compilation.Options);
            start.RegisterOperationBlockAction(block =>
            {
                if (block.IsGeneratedCode || block.OperationBlocks.IsEmpty)
                {
                    return;
                }

                var tree = block.OperationBlocks[0].Syntax.SyntaxTree;
                var on = rules.OnFor(tree, block.CancellationToken);
                if (on.Length == 0 || !ftp.Covers(tree, block.OwningSymbol))
                {
                    return;
                }

                var facts = ftp.FactsFor(block.OperationBlocks, block.OwningSymbol);
                foreach (var rule in on)
                {
                    rule.Analyze(facts, ftp, block);
                }
            });
        });
    }

    private static ImmutableArray<DiagnosticDescriptor> DescriptorsOf(ImmutableArray<Rule> rules)
    {
        var descriptors = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(rules.Length);
        foreach (var rule in rules)
        {
            descriptors.Add(rule.Descriptor);
        }

        return descriptors.MoveToImmutable();
    }
}
