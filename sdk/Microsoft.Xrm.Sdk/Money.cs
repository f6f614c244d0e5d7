namespace Microsoft.Xrm.Sdk
{
    /// <summary>The value of a currency column. Equal by Value.</summary>
    public sealed class Money
    {
        private decimal _value;

        public Money()
        {
        }

        public Money(decimal value)
        {
            _value = value;
        }

        public decimal Value
        {
            get { return _value; }
            set { _value = value; }
        }

        public override bool Equals(object obj)
        {
            var other = obj as Money;
            if (other == null)
            {
                return false;
            }

            return ReferenceEquals(this, other) || _value.Equals(other._value);
        }

        public override int GetHashCode()
        {
            return _value.GetHashCode();
        }
    }
}
