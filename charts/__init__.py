"""Chart builders: small functions that return Altair charts; pages render them."""
