package io.github.youshu.order;

/**
 * Where the buyer tracks a parcel, {@code express_package_info[].express_page} (data-api.md §4).
 *
 * @param miniprogramPath  {@code miniprogram_path}: the tracking page in a mini program; optional
 * @param miniprogramAppid {@code miniprogram_appid}: that mini program's appid; required with a path
 * @param miniprogramH5    {@code miniprogram_h5}: a web tracking page; optional
 */
public record ExpressPage(String miniprogramPath, String miniprogramAppid, String miniprogramH5) {

    public static ExpressPage of(String miniprogramPath, String miniprogramAppid, String miniprogramH5) {
        return new ExpressPage(miniprogramPath, miniprogramAppid, miniprogramH5);
    }
}
