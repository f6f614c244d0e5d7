namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>Sort direction of an OrderExpression.</summary>
    public enum OrderType
    {
        Ascending = 0,
        Descending = 1,
    }
}
