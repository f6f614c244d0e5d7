namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>How a FilterExpression combines its conditions and child filters.</summary>
    public enum LogicalOperator
    {
        And = 0,
        Or = 1,
    }
}
