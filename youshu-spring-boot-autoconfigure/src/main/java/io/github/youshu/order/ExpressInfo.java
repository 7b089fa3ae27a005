package io.github.youshu.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipment of an order, {@code express_info} (data-api.md §4). Every field is optional. The
 * receiver's phone is kept only as its SHA-256: give the builder the plain number
 * ({@link Builder#receiverPhone}).
 *
 * @param logisticsStatus       {@code logistics_status}
 * @param goodsTotalWeight      {@code goods_total_weight}: grams
 * @param receiverName          {@code receiver_name}
 * @param sha256ReceiverPhone   {@code sha256_receiver_phone}: 64 lowercase hex digits
 * @param receiverAddress       {@code receiver_address}
 * @param receiverCountryCode   {@code receiver_country_code}
 * @param receiverProvinceCode  {@code receiver_province_code}
 * @param receiverCityCode      {@code receiver_city_code}
 * @param receiverDistrictCode  {@code receiver_district_code}
 * @param expectedDeliveryTime  {@code expected_delivery_time}: a time range such as {@code "9:00-12:00"}
 * @param expectedDeliveryDate  {@code expected_delivery_date}: {@code YYYYMMDD}
 * @param expressPackageInfo    {@code express_package_info}: the parcels; {@code null} (left out) or unmodifiable
 */
public record ExpressInfo(String logisticsStatus, BigDecimal goodsTotalWeight, String receiverName,
                          String sha256ReceiverPhone, String receiverAddress, String receiverCountryCode,
                          String receiverProvinceCode, String receiverCityCode, String receiverDistrictCode,
                          String expectedDeliveryTime, String expectedDeliveryDate,
                          List<ExpressPackage> expressPackageInfo) {

    /**
     * @throws IllegalArgumentException when {@code sha256ReceiverPhone} is not 64 lowercase hex digits
     * @throws NullPointerException     when {@code expressPackageInfo} holds a {@code null}
     */
    public ExpressInfo {
        PhoneNumberHash.requireSha256Hex(sha256ReceiverPhone, "sha256_receiver_phone");
        expressPackageInfo = expressPackageInfo == null ? null : List.copyOf(expressPackageInfo);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ExpressInfo}. */
    public static final class Builder {
        private String logisticsStatus;
        private BigDecimal goodsTotalWeight;
        private String receiverName;
        private String sha256ReceiverPhone;
        private String receiverAddress;
        private String receiverCountryCode;
        private String receiverProvinceCode;
        private String receiverCityCode;
        private String receiverDistrictCode;
        private String expectedDeliveryTime;
        private String expectedDeliveryDate;
        private List<ExpressPackage> expressPackageInfo;

        private Builder() {
        }

        /** {@code logistics_status}. */
        public Builder logisticsStatus(String logisticsStatus) {
            this.logisticsStatus = logisticsStatus;
            return this;
        }

        /** {@code goods_total_weight} in grams. */
        public Builder goodsTotalWeight(BigDecimal grams) {
            this.goodsTotalWeight = grams;
            return this;
        }

        /** {@code receiver_name}. */
        public Builder receiverName(String receiverName) {
            this.receiverName = receiverName;
            return this;
        }

        /**
         * The receiver's plain phone number, kept only as its SHA-256 ({@code sha256_receiver_phone}); {@code null} or blank leaves it out.
         *
         * @throws IllegalArgumentException see {@link PhoneNumberHash#sha256}
         */
        public Builder receiverPhone(String phoneNumber) {
            this.sha256ReceiverPhone = PhoneNumberHash.sha256OrNull(phoneNumber);
            return this;
        }

        /** {@code sha256_receiver_phone} hashed already: 64 lowercase hex digits. */
        public Builder sha256ReceiverPhone(String sha256) {
            this.sha256ReceiverPhone = PhoneNumberHash.requireSha256Hex(sha256, "sha256_receiver_phone");
            return this;
        }

        /** {@code receiver_address}. */
        public Builder receiverAddress(String receiverAddress) {
            this.receiverAddress = receiverAddress;
            return this;
        }

        /** {@code receiver_country_code}, {@code receiver_province_code}, {@code receiver_city_code}, {@code receiver_district_code}. */
        public Builder receiverRegion(String countryCode, String provinceCode, String cityCode, String districtCode) {
            this.receiverCountryCode = countryCode;
            this.receiverProvinceCode = provinceCode;
            this.receiverCityCode = cityCode;
            this.receiverDistrictCode = districtCode;
            return this;
        }

        /** {@code expected_delivery_time}: a time range such as {@code "9:00-12:00"}. */
        public Builder expectedDeliveryTime(String expectedDeliveryTime) {
            this.expectedDeliveryTime = expectedDeliveryTime;
            return this;
        }

        /** {@code expected_delivery_date} as {@code YYYYMMDD}. */
        public Builder expectedDeliveryDate(String yyyymmdd) {
            this.expectedDeliveryDate = yyyymmdd;
            return this;
        }

        /** {@code expected_delivery_date}, written as {@code YYYYMMDD}. */
        public Builder expectedDeliveryDate(LocalDate date) {
            this.expectedDeliveryDate = date == null ? null : date.format(DateTimeFormatter.BASIC_ISO_DATE);
            return this;
        }

        /** Adds a parcel to {@code express_package_info}. */
        public Builder expressPackage(ExpressPackage expressPackage) {
            if (expressPackageInfo == null) {
                expressPackageInfo = new ArrayList<>();
            }
            expressPackageInfo.add(expressPackage);
            return this;
        }

        /** The {@link ExpressInfo} of the values set; checks no rule (see {@code OrderValidator}). */
        public ExpressInfo build() {
            return new ExpressInfo(logisticsStatus, goodsTotalWeight, receiverName, sha256ReceiverPhone, receiverAddress,
                    receiverCountryCode, receiverProvinceCode, receiverCityCode, receiverDistrictCode,
                    expectedDeliveryTime, expectedDeliveryDate, expressPackageInfo);
        }
    }
}
