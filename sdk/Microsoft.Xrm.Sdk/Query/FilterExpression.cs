namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>Conditions and child filters combined with And or Or.</summary>
    public sealed class FilterExpression
    {
        private LogicalOperator _filterOperator;
        private DataCollection<ConditionExpression> _conditions;
        private DataCollection<FilterExpression> _filters;
        private bool _isQuickFindFilter;

        /// <summary>An And filter.</summary>
        public FilterExpression()
        {
        }

        public FilterExpression(LogicalOperator filterOperator)
        {
            FilterOperator = filterOperator;
        }

        public LogicalOperator FilterOperator
        {
            get { return _filterOperator; }
            set { _filterOperator = value; }
        }

        /// <summary>The conditions; created empty on first access.</summary>
        public DataCollection<ConditionExpression> Conditions
        {
            get { return _conditions ?? (_conditions = new DataCollection<ConditionExpression>()); }
        }

        /// <summary>The child filters; created empty on first access.</summary>
        public DataCollection<FilterExpression> Filters
        {
            get { return _filters ?? (_filters = new DataCollection<FilterExpression>()); }
        }

        public bool IsQuickFindFilter
        {
            get { return _isQuickFindFilter; }
            set { _isQuickFindFilter = value; }
        }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));
        }

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));
        }

        public void AddCondition(ConditionExpression condition)
        {
            Conditions.Add(condition);
        }

        /// <summary>Adds and returns a new child filter with the operator.</summary>
        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var filter = new FilterExpression();
            filter.FilterOperator = logicalOperator;
            Filters.Add(filter);
            return filter;
        }

        /// <summary>Adds the child filter; a null filter is ignored.</summary>
        public void AddFilter(FilterExpression childFilter)
        {
            if (childFilter != null)
            {
                Filters.Add(childFilter);
            }
        }
    }
}
