package dev.panorama.restaurant.domain;

/** Where a restaurant is: latitude -90…90 and longitude -180…180, in degrees (WGS 84). */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new InvalidValueException("lat must be between -90 and 90");
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new InvalidValueException("lon must be between -180 and 180");
        }
    }
}
