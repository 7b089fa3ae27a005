package io.github.youshu.order;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

/**
 * One parcel of an order's shipment, {@code express_info.express_package_info[]} (data-api.md §4).
 * Every field is optional.
 *
 * @param expressCompanyCode  {@code express_company_code}: the carrier's code
 * @param expressCompanyName  {@code express_company_name}: the carrier's name
 * @param expressCode         {@code express_code}: the tracking number
 * @param shipTime            {@code ship_time}: when the parcel was shipped
 * @param expressPage         {@code express_page}: where the buyer tracks it
 * @param expressPackageInfo  {@code express_package_info}: the SKUs in the parcel; {@code null} (left out) or unmodifiable
 */
public record ExpressPackage(String expressCompanyCode, String expressCompanyName, String expressCode,
                             DataApiTime shipTime, ExpressPage expressPage, List<ExpressPackageGoods> expressPackageInfo) {

    /** @throws NullPointerException when {@code expressPackageInfo} holds a {@code null} */
    public ExpressPackage {
        expressPackageInfo = expressPackageInfo == null ? null : List.copyOf(expressPackageInfo);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ExpressPackage}. */
    public static final class Builder {
        private String expressCompanyCode;
        private String expressCompanyName;
        private String expressCode;
        private DataApiTime shipTime;
        private ExpressPage expressPage;
        private List<ExpressPackageGoods> expressPackageInfo;

        private Builder() {
        }

        /** {@code express_company_code} and {@code express_company_name}: the carrier. */
        public Builder expressCompany(String code, String name) {
            this.expressCompanyCode = code;
            this.expressCompanyName = name;
            return this;
        }

        /** {@code express_code}: the tracking number. */
        public Builder expressCode(String expressCode) {
            this.expressCode = expressCode;
            return this;
        }

        /** {@code ship_time} in epoch milliseconds. */
        public Builder shipTime(long epochMillis) {
            this.shipTime = DataApiTime.ofEpochMilli(epochMillis);
            return this;
        }

        /** {@code ship_time}: see {@link DataApiTime#of(Temporal)}. */
        public Builder shipTime(Temporal shipTime) {
            this.shipTime = DataApiTime.ofNullable(shipTime);
            return this;
        }

        /** {@code express_page}. */
        public Builder expressPage(ExpressPage expressPage) {
            this.expressPage = expressPage;
            return this;
        }

        /** Adds {@code number} units of a SKU to the parcel's {@code express_package_info}. */
        public Builder goods(String externalSkuId, int number) {
            if (expressPackageInfo == null) {
                expressPackageInfo = new ArrayList<>();
            }
            expressPackageInfo.add(ExpressPackageGoods.of(externalSkuId, number));
            return this;
        }

        /** The {@link ExpressPackage} of the values set; checks no rule (see {@code OrderValidator}). */
        public ExpressPackage build() {
            return new ExpressPackage(expressCompanyCode, expressCompanyName, expressCode, shipTime, expressPage,
                    expressPackageInfo);
        }
    }
}
