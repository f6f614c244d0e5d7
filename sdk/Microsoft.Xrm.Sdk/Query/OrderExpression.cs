namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>Sorts query results by an attribute (or, with Alias, by an aggregate's alias).</summary>
    public sealed class OrderExpression
    {
        private string _attributeName;
        private OrderType _orderType;
        private string _alias;

        public OrderExpression()
        {
        }

        public OrderExpression(string attributeName, OrderType orderType)
        {
            _attributeName = attributeName;
            _orderType = orderType;
        }

        public OrderExpression(string attributeName, OrderType orderType, string alias)
        {
            _attributeName = attributeName;
            _orderType = orderType;
            _alias = alias;
        }

        public string AttributeName
        {
            get { return _attributeName; }
            set { _attributeName = value; }
        }

        public OrderType OrderType
        {
            get { return _orderType; }
            set { _orderType = value; }
        }

        public string Alias
        {
            get { return _alias; }
            set { _alias = value; }
        }
    }
}
