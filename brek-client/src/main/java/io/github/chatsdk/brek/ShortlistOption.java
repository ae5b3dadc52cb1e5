package io.github.chatsdk.brek;

import org.jspecify.annotations.Nullable;

import com.google.gson.JsonObject;
import io.github.chatsdk.core.internal.Json;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One hotel option from a {@code shortlist} result ({@code artifacts.shortlist[]}). Book it with
 * {@link BrekEvents#bookOption(String, String)} and its {@link #optionId()}.
 */
public final class ShortlistOption {
    private final String optionId;
    private final String name;
    private final BigDecimal pricePerNight;
    private final BigDecimal totalPrice;
    private final String currency;
    private final Boolean refundable;
    private final Double rating;
    /** The option's JSON; converted to Java on first {@link #json()}. */
    private final JsonObject json;
    private volatile Map<String, Object> raw;

    ShortlistOption(String optionId, String name, BigDecimal pricePerNight, BigDecimal totalPrice, String currency,
            Boolean refundable, Double rating, JsonObject json) {
        this.optionId = Objects.requireNonNull(optionId, "optionId == null");
        this.name = name;
        this.pricePerNight = pricePerNight;
        this.totalPrice = totalPrice;
        this.currency = currency;
        this.refundable = refundable;
        this.rating = rating;
        this.json = Objects.requireNonNull(json, "json == null");
    }

    /** @return the option id to book with */
    public String optionId() {
        return optionId;
    }

    /** @return the hotel name, if given */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** @return the price per night (exact decimal), if given */
    public Optional<BigDecimal> pricePerNight() {
        return Optional.ofNullable(pricePerNight);
    }

    /** @return the total price of the stay (exact decimal), if given */
    public Optional<BigDecimal> totalPrice() {
        return Optional.ofNullable(totalPrice);
    }

    /** @return the ISO currency code, such as {@code USD}, if given */
    public Optional<String> currency() {
        return Optional.ofNullable(currency);
    }

    /** @return whether the rate is refundable, if given */
    public Optional<Boolean> refundable() {
        return Optional.ofNullable(refundable);
    }

    /** @return the rating, such as {@code 4.8}, if given */
    public Optional<Double> rating() {
        return Optional.ofNullable(rating);
    }

    /** @return every member of the option as received, including ones this type does not name */
    public Map<String, Object> json() {
        Map<String, Object> r = raw;
        if (r == null) {
            r = Json.toJavaMap(json);
            raw = r;
        }
        return r;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ShortlistOption && ((ShortlistOption) o).json().equals(json());
    }

    @Override
    public int hashCode() {
        return json().hashCode();
    }

    @Override
    public String toString() {
        return "ShortlistOption{optionId=" + optionId + ", name=" + name + ", pricePerNight=" + pricePerNight
                + ", totalPrice=" + totalPrice + ", currency=" + currency + ", refundable=" + refundable
                + ", rating=" + rating + '}';
    }
}
