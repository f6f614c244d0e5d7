namespace PropertyCrm.Cli.Packaging.Checks;

/// <summary>One family of project rules run over the merged solution (beyond what the XSD can express).</summary>
internal interface ISolutionCheck
{
    /// <summary>Short id printed with each finding, e.g. "attributes".</summary>
    string Name { get; }

    void Run(SolutionIndex solution, IssueList issues);
}
