package io.github.chatsdk.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fixed hotel catalogue of the Brek sandbox and the small parser of search turns. Everything
 * here is deterministic: the same text gives the same options with the same ids.
 */
final class BrekCatalogue {
    /** Totals include 18 % taxes and fees on top of nights x rooms x price per night. */
    static final BigDecimal TAXES = new BigDecimal("1.18");
    /** A price change raises the total by 7 %. */
    static final BigDecimal PRICE_CHANGE = new BigDecimal("1.07");

    static final class Hotel {
        final String code;
        final String city;
        final String name;
        final BigDecimal pricePerNight;
        final String currency;
        final boolean refundable;
        final double rating;
        final boolean priceChanges;

        Hotel(String code, String city, String name, String pricePerNight, String currency, boolean refundable,
                double rating, boolean priceChanges) {
            this.code = code;
            this.city = city;
            this.name = name;
            this.pricePerNight = new BigDecimal(pricePerNight);
            this.currency = currency;
            this.refundable = refundable;
            this.rating = rating;
            this.priceChanges = priceChanges;
        }

        int scale() {
            return currency.equals("JPY") ? 0 : 2;
        }
    }

    /** One option of a shortlist: a hotel for a stay. */
    static final class Option {
        final String optionId;
        final Hotel hotel;
        final int nights;
        final int rooms;
        final BigDecimal totalPrice;

        Option(Hotel hotel, int nights, int rooms) {
            this.hotel = hotel;
            this.nights = nights;
            this.rooms = rooms;
            this.totalPrice = hotel.pricePerNight.multiply(BigDecimal.valueOf((long) nights * rooms)).multiply(TAXES)
                    .setScale(hotel.scale(), RoundingMode.HALF_UP);
            this.optionId = UUID.nameUUIDFromBytes(("brek-sandbox|" + hotel.code + "|" + nights + "|" + rooms)
                    .getBytes(StandardCharsets.UTF_8)).toString();
        }

        BigDecimal changedTotal() {
            return totalPrice.multiply(PRICE_CHANGE).setScale(hotel.scale(), RoundingMode.HALF_UP);
        }
    }

    /** What a search turn asked for. */
    static final class Query {
        final String city;
        final int nights;
        final int rooms;
        final Boolean refundable;
        final BigDecimal maxPricePerNight;
        final String sort;

        Query(String city, int nights, int rooms, Boolean refundable, BigDecimal maxPricePerNight, String sort) {
            this.city = city;
            this.nights = nights;
            this.rooms = rooms;
            this.refundable = refundable;
            this.maxPricePerNight = maxPricePerNight;
            this.sort = sort;
        }
    }

    static final List<Hotel> HOTELS = List.of(
            new Hotel("sea-inn-market", "Seattle", "Inn at the Market", "276.66", "USD", true, 4.8, false),
            new Hotel("sea-sorrento", "Seattle", "Hotel Sorrento", "249.00", "USD", false, 4.6, true),
            new Hotel("sea-pike-suites", "Seattle", "Pike Place Suites", "189.50", "USD", true, 4.2, false),
            new Hotel("sea-lake-union", "Seattle", "Lake Union Lodge", "159.00", "USD", false, 3.9, false),
            new Hotel("nyc-greenwich", "New York", "The Greenwich Hotel", "612.00", "USD", true, 4.9, false),
            new Hotel("nyc-bowery", "New York", "The Bowery Hotel", "395.25", "USD", false, 4.7, true),
            new Hotel("nyc-pod", "New York", "Pod Times Square", "149.99", "USD", true, 4.1, false),
            new Hotel("nyc-hudson", "New York", "Hudson Yards Inn", "229.00", "USD", false, 4.0, false),
            new Hotel("lis-memmo", "Lisbon", "Memmo Alfama", "214.00", "EUR", true, 4.8, false),
            new Hotel("lis-pestana", "Lisbon", "Pestana Palace", "289.90", "EUR", false, 4.7, false),
            new Hotel("lis-pessoa", "Lisbon", "Lisboa Pessoa Hotel", "178.40", "EUR", true, 4.5, true),
            new Hotel("lis-baixa", "Lisbon", "Baixa House", "119.00", "EUR", false, 4.3, false),
            new Hotel("tyo-park-hyatt", "Tokyo", "Park Hyatt Tokyo", "98000", "JPY", true, 4.9, false),
            new Hotel("tyo-gracery", "Tokyo", "Hotel Gracery Shinjuku", "21500", "JPY", true, 4.3, false),
            new Hotel("tyo-hoshinoya", "Tokyo", "Hoshinoya Tokyo", "142000", "JPY", false, 4.8, true),
            new Hotel("tyo-asakusa", "Tokyo", "Asakusa Riverside Inn", "12800", "JPY", false, 4.0, false));

    private static final Pattern NEW_YORK = Pattern.compile("\\b(new york|nyc|manhattan)\\b");
    private static final Pattern SEATTLE = Pattern.compile("\\bseattle\\b");
    private static final Pattern LISBON = Pattern.compile("\\b(lisbon|lisboa)\\b");
    private static final Pattern TOKYO = Pattern.compile("\\b(tokyo|shinjuku)\\b");
    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern RANGE = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})\\s*(?:-|\u2013|to|until)\\s*(?:" + MONTH + "\\s+)?(\\d{1,2})\\b");
    private static final Pattern NIGHTS = Pattern.compile("\\b(\\d{1,2})\\s*nights?\\b");
    private static final Pattern ROOMS = Pattern.compile("\\b(\\d{1,2})\\s*rooms?\\b");
    private static final Pattern MAX_PRICE = Pattern.compile(
            "\\b(?:under|below|less than|max|up to)\\s*[$\u20ac\u00a5]?\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern NON_REFUNDABLE = Pattern.compile("\\bnon[- ]?refundable\\b");
    private static final Pattern REFUNDABLE = Pattern.compile("\\brefundable\\b");
    private static final Pattern CHEAP = Pattern.compile("\\b(cheap|cheapest|budget|lowest price)\\b");
    private static final Pattern BEST = Pattern.compile("\\b(best|top[- ]rated|luxury|highest rated)\\b");
    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    private BrekCatalogue() {
    }

    /** Reads a search turn such as {@code "Seattle Mar 20-23 1 room refundable"}. */
    static Query parse(String text, int year) {
        String t = text.toLowerCase(Locale.ROOT);
        String city = null;
        if (SEATTLE.matcher(t).find()) {
            city = "Seattle";
        } else if (NEW_YORK.matcher(t).find()) {
            city = "New York";
        } else if (LISBON.matcher(t).find()) {
            city = "Lisbon";
        } else if (TOKYO.matcher(t).find()) {
            city = "Tokyo";
        }
        int nights = 1;
        Matcher range = RANGE.matcher(t);
        Matcher n = NIGHTS.matcher(t);
        if (range.find()) {
            nights = nights(year, range.group(1), Integer.parseInt(range.group(2)),
                    range.group(3) == null ? range.group(1) : range.group(3), Integer.parseInt(range.group(4)));
        } else if (n.find()) {
            nights = Math.max(1, Integer.parseInt(n.group(1)));
        }
        Matcher r = ROOMS.matcher(t);
        int rooms = r.find() ? Math.max(1, Integer.parseInt(r.group(1))) : 1;
        Boolean refundable = NON_REFUNDABLE.matcher(t).find() ? Boolean.FALSE
                : REFUNDABLE.matcher(t).find() ? Boolean.TRUE : null;
        Matcher max = MAX_PRICE.matcher(t);
        BigDecimal maxPrice = max.find() ? new BigDecimal(max.group(1)) : null;
        String sort = CHEAP.matcher(t).find() ? "price" : BEST.matcher(t).find() ? "rating" : null;
        return new Query(city, nights, rooms, refundable, maxPrice, sort);
    }

    private static int nights(int year, String fromMonth, int fromDay, String toMonth, int toDay) {
        try {
            LocalDate from = LocalDate.of(year, MONTHS.indexOf(fromMonth.substring(0, 3)) + 1, fromDay);
            LocalDate to = LocalDate.of(year, MONTHS.indexOf(toMonth.substring(0, 3)) + 1, toDay);
            if (to.isBefore(from)) {
                to = to.plusYears(1);
            }
            long days = ChronoUnit.DAYS.between(from, to);
            return days < 1 ? 1 : (int) Math.min(days, 30);
        } catch (java.time.DateTimeException e) {
            return 1;
        }
    }

    /** The options for a query with a city, in the order the query asks for. */
    static List<Option> search(Query q) {
        List<Option> out = new ArrayList<>();
        for (Hotel h : HOTELS) {
            if (!h.city.equals(q.city)) {
                continue;
            }
            if (q.refundable != null && h.refundable != q.refundable) {
                continue;
            }
            if (q.maxPricePerNight != null && h.pricePerNight.compareTo(q.maxPricePerNight) > 0) {
                continue;
            }
            out.add(new Option(h, q.nights, q.rooms));
        }
        if ("price".equals(q.sort)) {
            out.sort(Comparator.comparing(o -> o.hotel.pricePerNight));
        } else if ("rating".equals(q.sort)) {
            out.sort(Comparator.comparingDouble((Option o) -> o.hotel.rating).reversed());
        }
        return out;
    }

    static Optional<String> anyUuid(String text) {
        Matcher m = UUID_PATTERN.matcher(text);
        return m.find() ? Optional.of(m.group().toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
