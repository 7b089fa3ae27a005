package io.github.youshu.order;

/**
 * An invoice of an order, {@code invoice_info[]} (data-api.md §4). Every field is optional; phones
 * are kept only as their SHA-256: give the builder the plain numbers
 * ({@link Builder#registryPhone}, {@link Builder#invoiceDeliveryPhone}).
 *
 * @param ifNeedInvoice              {@code if_need_invoice}: whether the buyer asked for an invoice
 * @param invoiceType                {@code invoice_type}: one of {@code "1000"} to {@code "1006"}
 * @param invoiceTitle               {@code invoice_title}
 * @param invoiceContent             {@code invoice_content}
 * @param invoiceAdditionInfo        {@code invoice_addition_info}
 * @param invoiceCompany             {@code invoice_company}
 * @param invoiceTaxpayer            {@code invoice_taxpayer}: the taxpayer id
 * @param registryAddress            {@code registry_address}
 * @param sha256RegistryPhone        {@code sha256_registry_phone}: 64 lowercase hex digits
 * @param registryBankName           {@code registry_bank_name}
 * @param registryBankAccount        {@code registry_bank_account}
 * @param invoiceDeliveryAddress     {@code invoice_delivery_address}
 * @param invoiceDeliveryName        {@code invoice_delivery_name}
 * @param sha256InvoiceDeliveryPhone {@code sha256_invoice_delivery_phone}: 64 lowercase hex digits
 * @param invoiceNum                 {@code invoice_num}: the invoice number
 */
public record InvoiceInfo(Boolean ifNeedInvoice, String invoiceType, String invoiceTitle, String invoiceContent,
                          String invoiceAdditionInfo, String invoiceCompany, String invoiceTaxpayer,
                          String registryAddress, String sha256RegistryPhone, String registryBankName,
                          String registryBankAccount, String invoiceDeliveryAddress, String invoiceDeliveryName,
                          String sha256InvoiceDeliveryPhone, String invoiceNum) {

    /** @throws IllegalArgumentException when a {@code sha256_*} phone is not 64 lowercase hex digits */
    public InvoiceInfo {
        PhoneNumberHash.requireSha256Hex(sha256RegistryPhone, "sha256_registry_phone");
        PhoneNumberHash.requireSha256Hex(sha256InvoiceDeliveryPhone, "sha256_invoice_delivery_phone");
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link InvoiceInfo}. */
    public static final class Builder {
        private Boolean ifNeedInvoice;
        private String invoiceType;
        private String invoiceTitle;
        private String invoiceContent;
        private String invoiceAdditionInfo;
        private String invoiceCompany;
        private String invoiceTaxpayer;
        private String registryAddress;
        private String sha256RegistryPhone;
        private String registryBankName;
        private String registryBankAccount;
        private String invoiceDeliveryAddress;
        private String invoiceDeliveryName;
        private String sha256InvoiceDeliveryPhone;
        private String invoiceNum;

        private Builder() {
        }

        /** {@code if_need_invoice}. */
        public Builder ifNeedInvoice(boolean ifNeedInvoice) {
            this.ifNeedInvoice = ifNeedInvoice;
            return this;
        }

        /** {@code invoice_type}: one of {@code "1000"} to {@code "1006"}. */
        public Builder invoiceType(String invoiceType) {
            this.invoiceType = invoiceType;
            return this;
        }

        /** {@code invoice_title}. */
        public Builder invoiceTitle(String invoiceTitle) {
            this.invoiceTitle = invoiceTitle;
            return this;
        }

        /** {@code invoice_content}. */
        public Builder invoiceContent(String invoiceContent) {
            this.invoiceContent = invoiceContent;
            return this;
        }

        /** {@code invoice_addition_info}. */
        public Builder invoiceAdditionInfo(String invoiceAdditionInfo) {
            this.invoiceAdditionInfo = invoiceAdditionInfo;
            return this;
        }

        /** {@code invoice_company}. */
        public Builder invoiceCompany(String invoiceCompany) {
            this.invoiceCompany = invoiceCompany;
            return this;
        }

        /** {@code invoice_taxpayer}: the taxpayer id. */
        public Builder invoiceTaxpayer(String invoiceTaxpayer) {
            this.invoiceTaxpayer = invoiceTaxpayer;
            return this;
        }

        /** {@code registry_address}. */
        public Builder registryAddress(String registryAddress) {
            this.registryAddress = registryAddress;
            return this;
        }

        /**
         * The registered plain phone number, kept only as its SHA-256 ({@code sha256_registry_phone}); {@code null} or blank leaves it out.
         *
         * @throws IllegalArgumentException see {@link PhoneNumberHash#sha256}
         */
        public Builder registryPhone(String phoneNumber) {
            this.sha256RegistryPhone = PhoneNumberHash.sha256OrNull(phoneNumber);
            return this;
        }

        /** {@code sha256_registry_phone} hashed already: 64 lowercase hex digits. */
        public Builder sha256RegistryPhone(String sha256) {
            this.sha256RegistryPhone = PhoneNumberHash.requireSha256Hex(sha256, "sha256_registry_phone");
            return this;
        }

        /** {@code registry_bank_name}. */
        public Builder registryBankName(String registryBankName) {
            this.registryBankName = registryBankName;
            return this;
        }

        /** {@code registry_bank_account}. */
        public Builder registryBankAccount(String registryBankAccount) {
            this.registryBankAccount = registryBankAccount;
            return this;
        }

        /** {@code invoice_delivery_address}. */
        public Builder invoiceDeliveryAddress(String invoiceDeliveryAddress) {
            this.invoiceDeliveryAddress = invoiceDeliveryAddress;
            return this;
        }

        /** {@code invoice_delivery_name}. */
        public Builder invoiceDeliveryName(String invoiceDeliveryName) {
            this.invoiceDeliveryName = invoiceDeliveryName;
            return this;
        }

        /**
         * The invoice receiver's plain phone number, kept only as its SHA-256
         * ({@code sha256_invoice_delivery_phone}); {@code null} or blank leaves it out.
         *
         * @throws IllegalArgumentException see {@link PhoneNumberHash#sha256}
         */
        public Builder invoiceDeliveryPhone(String phoneNumber) {
            this.sha256InvoiceDeliveryPhone = PhoneNumberHash.sha256OrNull(phoneNumber);
            return this;
        }

        /** {@code sha256_invoice_delivery_phone} hashed already: 64 lowercase hex digits. */
        public Builder sha256InvoiceDeliveryPhone(String sha256) {
            this.sha256InvoiceDeliveryPhone = PhoneNumberHash.requireSha256Hex(sha256, "sha256_invoice_delivery_phone");
            return this;
        }

        /** {@code invoice_num}. */
        public Builder invoiceNum(String invoiceNum) {
            this.invoiceNum = invoiceNum;
            return this;
        }

        /** The {@link InvoiceInfo} of the values set; checks no rule (see {@code OrderValidator}). */
        public InvoiceInfo build() {
            return new InvoiceInfo(ifNeedInvoice, invoiceType, invoiceTitle, invoiceContent, invoiceAdditionInfo,
                    invoiceCompany, invoiceTaxpayer, registryAddress, sha256RegistryPhone, registryBankName,
                    registryBankAccount, invoiceDeliveryAddress, invoiceDeliveryName, sha256InvoiceDeliveryPhone,
                    invoiceNum);
        }
    }
}
